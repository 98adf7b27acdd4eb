package io.tandem.sync.imports;

import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.partition.PartitionMapper;
import jakarta.batch.api.partition.PartitionPlan;
import jakarta.batch.api.partition.PartitionPlanImpl;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.Properties;

/**
 * Splits a large file into consecutive row ranges read by parallel threads, so parsing and mapping on
 * one thread overlap with the database writing of the other. The last range runs to the end of the file,
 * so no row is left out; a restart keeps the same plan and each range's own checkpoint.
 */
@Named
@Dependent
public class ImportPartitionMapper implements PartitionMapper {

    /** Below this many rows one thread is as fast: the split costs more than it saves. */
    private static final int ROWS_PER_PARTITION_AT_LEAST = 20_000;

    @Inject
    @BatchProperty
    String importId;

    @Inject
    @BatchProperty
    String threads;

    @Inject
    ImportLedger ledger;

    @Override
    public PartitionPlan mapPartitions() {
        Integer total = ledger.job(Long.parseLong(importId)).totalRows();
        int rows = total == null ? 0 : total;
        int wanted = threads == null || threads.isBlank() ? 2 : Math.max(1, Integer.parseInt(threads));
        int partitions = Math.max(1, Math.min(wanted, rows / ROWS_PER_PARTITION_AT_LEAST));
        Properties[] ranges = new Properties[partitions];
        for (int i = 0; i < partitions; i++) {
            Properties p = new Properties();
            p.setProperty("first", Long.toString((long) rows * i / partitions));
            p.setProperty("last", i == partitions - 1 ? Integer.toString(Integer.MAX_VALUE) : Long.toString((long) rows * (i + 1) / partitions));
            ranges[i] = p;
        }
        PartitionPlanImpl plan = new PartitionPlanImpl();
        plan.setPartitions(partitions);
        plan.setThreads(partitions);
        plan.setPartitionsOverride(false);
        plan.setPartitionProperties(ranges);
        return plan;
    }
}
