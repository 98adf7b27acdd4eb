package io.tandem.domain.model.contact;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.util.LinkedHashSet;
import java.util.Set;

/** A contact's standard fields, one column each, read and written by {@link ContactField}. */
@Embeddable
public class ContactProfile {

    @Column(name = "first_name", length = 40)
    private String firstName;
    @Column(name = "last_name", length = 80)
    private String lastName;
    @Column(length = 40)
    private String phone;
    @Column(length = 128)
    private String title;
    @Column(length = 40)
    private String city;
    @Column(length = 80)
    private String state;
    @Column(length = 80)
    private String country;
    @Column(name = "lead_score")
    private Integer leadScore;
    @Column(name = "traffic_source")
    private String trafficSource;
    @Column(name = "utm_source")
    private String utmSource;
    @Column(name = "utm_medium")
    private String utmMedium;
    @Column(name = "utm_campaign")
    private String utmCampaign;

    /** The names of the fields holding a value, in the fields' order. */
    Set<String> populated() {
        Set<String> names = new LinkedHashSet<>();
        for (ContactField f : ContactField.values()) {
            if (get(f) != null) {
                names.add(f.apiName());
            }
        }
        return names;
    }

    Object get(ContactField field) {
        return switch (field) {
            case FIRST_NAME -> firstName;
            case LAST_NAME -> lastName;
            case PHONE -> phone;
            case TITLE -> title;
            case CITY -> city;
            case STATE -> state;
            case COUNTRY -> country;
            case LEAD_SCORE -> leadScore;
            case TRAFFIC_SOURCE -> trafficSource;
            case UTM_SOURCE -> utmSource;
            case UTM_MEDIUM -> utmMedium;
            case UTM_CAMPAIGN -> utmCampaign;
        };
    }

    void set(ContactField field, Object value) {
        String s = value instanceof String str ? str : null;
        switch (field) {
            case FIRST_NAME -> firstName = s;
            case LAST_NAME -> lastName = s;
            case PHONE -> phone = s;
            case TITLE -> title = s;
            case CITY -> city = s;
            case STATE -> state = s;
            case COUNTRY -> country = s;
            case LEAD_SCORE -> leadScore = (Integer) value;
            case TRAFFIC_SOURCE -> trafficSource = s;
            case UTM_SOURCE -> utmSource = s;
            case UTM_MEDIUM -> utmMedium = s;
            case UTM_CAMPAIGN -> utmCampaign = s;
        }
    }
}
