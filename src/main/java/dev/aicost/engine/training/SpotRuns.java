package dev.aicost.engine.training;

import dev.aicost.catalog.Catalog;
import dev.aicost.engine.core.Notes;
import dev.aicost.engine.core.Num;

/**
 * What spot capacity costs a synchronous training run in time: every reclaimed instance stops the whole
 * job, so the hours lost grow with the instances the run spans and with the checkpoint interval.
 */
public final class SpotRuns {
    /**
     * Spot interruptions per instance-hour: 20 % of instances a month, the lower edge of the highest band
     * (">20%") of AWS's Spot Instance Advisor "frequency of interruption", where GPU instances sit, over 730 h.
     */
    public static final double SPOT_INTERRUPTIONS_PER_INSTANCE_HOUR = 0.20 / 730;
    /** Hours between checkpoints (a typical setting for large runs) and to get capacity back and reload. */
    static final double CHECKPOINT_HOURS = 1.0;
    static final double SPOT_RESTART_HOURS = 0.25;
    /**
     * The largest synchronous run spot is recommended for, in instances: AWS's Spot guidance says spot does
     * not suit workloads that are tightly coupled between instance nodes; a few nodes under an elastic
     * launcher can ride out a loss, a large synchronous job stalls on every one.
     */
    public static final int MAX_SPOT_INSTANCES = 4;

    private SpotRuns() {
    }

    /** Whole instances of the offer that the run's accelerators take (one accelerator each without an offer). */
    public static int instances(Catalog catalog, int accelerators, String offerId) {
        int per = offerId == null ? 1 : catalog.offer(offerId).map(o -> o.acceleratorsPerInstance()).orElse(1);
        return (int) Math.ceil((double) accelerators / Math.max(1, per));
    }

    /**
     * The share of extra hours spot preemptions cost a synchronous run: the job stops whenever any of its
     * instances is reclaimed (rate instances × r), and each stop redoes half a checkpoint interval on average
     * and waits for capacity and the reload.
     */
    static double overhead(int instances, Notes notes) {
        double rate = instances * SPOT_INTERRUPTIONS_PER_INSTANCE_HOUR;
        double share = rate * (CHECKPOINT_HOURS / 2 + SPOT_RESTART_HOURS);
        notes.assume("training.spotRestartOverhead", Num.shown(Num.sig(share, 3)), () -> instances + " instances × "
                + Num.show(Num.sig(SPOT_INTERRUPTIONS_PER_INSTANCE_HOUR, 3)) + " interruptions an instance-hour (20 % "
                + "a month, AWS Spot Instance Advisor's highest band, where GPU instances sit) × (half of a "
                + Num.show(CHECKPOINT_HOURS) + " h checkpoint interval redone + " + Num.show(SPOT_RESTART_HOURS)
                + " h to get capacity back and reload): any one reclaimed stops a synchronous run");
        return share;
    }
}
