package dev.aicost.engine.billing;

/**
 * Workers that scale to zero and are billed per second while up: starting, busy, or idle until the
 * idle timeout after their last request. Requests arrive at random (Poisson, rate λ) within each hour
 * of the daily shape; {@code serviceSeconds} (S) is one request's time in a worker. A worker that
 * starts stays up until no request has arrived for S + T (T: idle timeout); a request arriving while
 * it starts waits for it rather than starting another. So up and down periods alternate: a down
 * period lasts 1/λ on average, an up period the start-up C plus the wait for the first gap of
 * S + T between arrivals, (e^(λ(S+T)) − 1)/λ. The share of time up is 1 − 1/(λC + e^(λ(S+T))), and
 * the share of requests that meet a cold start 1/(λC + e^(λ(S+T))); both grow (and fall) steadily
 * with traffic. Under load the busy workers, λ ÷ a worker's requests per second, take over.
 */
public record Serverless(double idleTimeoutSeconds, double coldStartSeconds, double minBillingSeconds,
        double serviceSeconds) {

    /**
     * Workers billed on average at an arrival rate (per second): busy ones (a lone request holds a
     * worker for its whole service time; under load each worker carries {@code perWorker} requests a
     * second), the idle tail after each request that finds no next one within the service time, up to
     * the idle timeout, and the cold starts (with half a billing increment each) of requests arriving
     * after a worker went down. {@code warm} workers are kept up always. Beyond one worker's load the
     * busy workers are rounded up: a provider bills whole workers, and λ ÷ μ = 2.12 keeps three up.
     */
    public double billedWorkers(double lambda, double perWorker, int warm) {
        if (lambda <= 0) {
            return warm;
        }
        double idle = 1 - coldShare(lambda);
        double busy = lambda / perWorker;
        // Past one worker's load, workers are whole: 2.12 workers' worth of requests keeps three up.
        double whole = busy > 1 ? Math.ceil(busy - 1e-9) : busy;
        return Math.max(warm, Math.max(idle, whole));
    }

    /**
     * The share of requests that find no worker up, 1/(λC + e^(λ(S+T))); half a billing increment is
     * added to each start-up (an up period's billed seconds are rounded up).
     */
    public double coldShare(double lambda) {
        double exponent = lambda * (serviceSeconds + idleTimeoutSeconds);
        exponent = Math.min(exponent, 700);
        return 1 / (lambda * (coldStartSeconds + minBillingSeconds / 2) + Math.exp(exponent));
    }

    /** The most the start-ups and idle tails add to the busy workers, in workers (bounds the break-even search). */
    double overheadWorkers() {
        return 1;
    }
}
