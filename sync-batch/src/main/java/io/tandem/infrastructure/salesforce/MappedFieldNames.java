package io.tandem.infrastructure.salesforce;

import io.tandem.domain.model.field.CustomFieldRepository;
import io.tandem.domain.model.field.FieldMappingRepository;
import io.tandem.domain.service.MappedFields;
import io.tandem.domain.service.SalesforceFieldNames;
import io.tandem.domain.service.SalesforceObjects;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The mapped fields from the stored mappings, and the standard fields every org has that the inbound
 * rules read beside them (email, Account, conversion, merges).
 */
@ApplicationScoped
public class MappedFieldNames implements SalesforceFieldNames {

    @Inject
    FieldMappingRepository mappings;
    @Inject
    CustomFieldRepository customFields;

    @Override
    public MappedFields mapped() {
        return MappedFields.of(mappings.all(), customFields.all());
    }

    @Override
    public List<String> selected(String object, MappedFields mapped) {
        Set<String> fields = new LinkedHashSet<>();
        switch (object) {
            case SalesforceObjects.ACCOUNT -> {
                fields.addAll(List.of("Name", "Website", "MasterRecordId"));
                fields.addAll(mapped.on(object).values());
            }
            case SalesforceObjects.CONTACT -> {
                fields.add("Email");
                fields.addAll(mapped.on(object).values());
                fields.addAll(List.of("AccountId", "Account.Name", "Account.Website", "MasterRecordId"));
            }
            case SalesforceObjects.LEAD -> {
                fields.add("Email");
                fields.addAll(mapped.on(object).values());
                fields.addAll(List.of("Company", "IsConverted", "ConvertedContactId", "ConvertedAccountId", "MasterRecordId"));
            }
            case SalesforceObjects.CAMPAIGN -> fields.addAll(List.of("Name", "IsActive"));
            case SalesforceObjects.CAMPAIGN_MEMBER -> fields.addAll(List.of("CampaignId", "LeadId", "ContactId", "Status"));
            case SalesforceObjects.OPPORTUNITY -> fields.addAll(List.of("AccountId", "Name", "StageName", "Amount", "CloseDate", "IsClosed", "IsWon"));
            case SalesforceObjects.OPPORTUNITY_CONTACT_ROLE -> fields.addAll(List.of("OpportunityId", "ContactId", "Role", "IsPrimary"));
            default -> throw new IllegalArgumentException("not a synced object: " + object);
        }
        return new ArrayList<>(fields);
    }
}
