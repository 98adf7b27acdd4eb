package io.tandem.domain.model.campaign;

import io.tandem.domain.shared.InvalidValueException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A campaign type's member statuses: the rules Salesforce keeps for a campaign's statuses, and their order. */
class CampaignTypeTest {

    private static final Instant T = Instant.parse("2026-06-01T09:00:00Z");

    private static MemberStatuses webinar() {
        return MemberStatuses.of(List.of(new MemberStatus("Invited", true, false), new MemberStatus(" Registered ", false, false),
                new MemberStatus("Attended", false, true)));
    }

    @Test
    void statusesKeepTheirOrderAndOneDefaultAndSomeResponded() {
        MemberStatuses s = webinar();
        assertEquals(List.of("Invited", "Registered", "Attended"), s.all().stream().map(MemberStatus::label).toList());
        assertEquals("Invited", s.defaultStatus().label());
        assertEquals("Attended", s.find("attended").orElseThrow().label(), "labels match whatever their case");
        CampaignType type = new CampaignType("Webinar", s, T);
        assertEquals(s.all(), type.statuses().all(), "stored and read back alike");
    }

    @Test
    void statusesBreakingSalesforcesRulesAreRefused() {
        assertTrue(message(List.of()).contains("at least one"));
        assertTrue(message(List.of(new MemberStatus("Sent", false, true))).contains("exactly one status is the default, not 0"));
        assertTrue(message(List.of(new MemberStatus("Sent", true, false), new MemberStatus("Opened", true, true)))
                .contains("not 2"));
        assertTrue(message(List.of(new MemberStatus("Sent", true, false))).contains("responded"));
        assertTrue(message(List.of(new MemberStatus("Sent", true, false), new MemberStatus("sent", false, true))).contains("twice"));
    }

    @Test
    void aStatusMembersAreInCannotBeRemovedButTheRestMayChange() {
        CampaignType type = new CampaignType("Webinar", webinar(), T);
        MemberStatuses reordered = MemberStatuses.of(List.of(new MemberStatus("Attended", false, true),
                new MemberStatus("Invited", true, false)));
        InvalidValueException e = assertThrows(InvalidValueException.class, () -> type.changeStatuses(reordered, List.of("Registered"), T));
        assertTrue(e.getMessage().contains("\"Registered\" is in use"), e.getMessage());
        type.changeStatuses(reordered, List.of("Invited"), T);
        assertEquals(List.of("Attended", "Invited"), type.statuses().all().stream().map(MemberStatus::label).toList());
    }

    private static String message(List<MemberStatus> statuses) {
        return assertThrows(InvalidValueException.class, () -> MemberStatuses.of(statuses)).getMessage();
    }
}
