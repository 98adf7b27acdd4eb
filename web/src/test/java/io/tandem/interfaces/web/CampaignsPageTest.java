package io.tandem.interfaces.web;

import io.tandem.application.CampaignTypes;
import io.tandem.application.InvalidRequestException;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A campaign type's statuses as the page takes them: one a line, {@code *} the default, {@code +} responded. */
class CampaignsPageTest {

    @Test
    void linesBecomeStatusesInOrderWithTheirMarks() {
        assertEquals(List.of(new CampaignTypes.StatusView("Invited", true, false), new CampaignTypes.StatusView("Attended", false, true),
                        new CampaignTypes.StatusView("Bought", true, true), new CampaignTypes.StatusView("No show", false, false)),
                CampaignsPage.parseStatuses(" *Invited\r\n\n+ Attended\n*+Bought\nNo show  \n"));
    }

    @Test
    void blankLinesAndMarksAloneAreNoStatusAndFiftyIsTheMost() {
        assertEquals(List.of(), CampaignsPage.parseStatuses("\n * \n+\n"));
        assertEquals(List.of(), CampaignsPage.parseStatuses(null));
        assertThrows(InvalidRequestException.class, () -> CampaignsPage.parseStatuses("s\n".repeat(51)));
    }
}
