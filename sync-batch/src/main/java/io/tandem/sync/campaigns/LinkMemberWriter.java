package io.tandem.sync.campaigns;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a page of a link's first sync ({@link CampaignLinkSync}) and adds its counts to the step's
 * progress (kept with the step's checkpoint, so the jobs page shows how far it is and a restart goes on
 * counting).
 */
@Named
@Dependent
public class LinkMemberWriter extends AbstractItemWriter {

    @Inject
    @BatchProperty
    String campaign;
    @Inject
    CampaignLinkSync sync;
    @Inject
    StepContext step;

    @Override
    public void writeItems(List<Object> items) {
        long campaignId = Long.parseLong(campaign);
        for (Object item : items) {
            if (item instanceof LinkMemberReader.SalesforcePage page) {
                add(sync.salesforcePage(campaignId, page.records(), page.startedAt(), page.calls()));
            } else {
                add(Map.of("queued", (long) sync.tandemPage(((LinkMemberReader.TandemPage) item).memberIds())));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void add(Map<String, Long> counts) {
        Serializable kept = step.getPersistentUserData();
        LinkedHashMap<String, Long> progress = kept instanceof LinkedHashMap<?, ?> m ? (LinkedHashMap<String, Long>) m : new LinkedHashMap<>();
        counts.forEach((k, v) -> progress.merge(k, v, Long::sum));
        step.setPersistentUserData(progress);
    }
}
