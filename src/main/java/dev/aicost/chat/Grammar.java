package dev.aicost.chat;

import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A request in a sentence, as typed in a chat: {@code "llama-3.3-70b 50k requests/day 500 in / 200 out
 * on h100 fp8 ttft 1s"}. It becomes the structured request it means (echoed in the report), so the
 * two forms give the same report. Every word belongs to the grammar below; an unknown word is an
 * error that quotes it, says where it is and what it may have meant, never a word silently skipped.
 *
 * <pre>
 * model       a catalog model id                       llama-3.1-70b
 * training    train | pretrain | fine-tune | lora       then NUMBER tokens, e.g. 15T tokens
 * hardware    [COUNT] accelerator-id (aliases h100, a100; COUNT also as 8x)
 * traffic     NUMBER requests|req|queries /day|/month|/s, or per day|month|second; a range you are
 *             unsure of as NUMBER to NUMBER (or NUMBER-NUMBER) requests/day, e.g. 20k-80k requests/day
 * lengths     NUMBER input tokens, NUMBER output tokens, or NUMBER in / NUMBER out
 * precision   bf16 fp16 fp8 int8 int4 fp4 fp32 tf32
 * latency     ttft|tpot|e2e DURATION (1s, 50ms, 1.5 s)
 * cache       N% cache hits
 * growth      growth N%/month
 * horizon     N months | N years
 * pricing     spot on-demand commit-1y commit-3y owned
 * budget      budget $20k/month
 * serving     then serve ... (what follows is about serving)
 * numbers     k M B T suffixes (50k, 2M, 15T); 1,200 is twelve hundred
 * </pre>
 */
final class Grammar {
    private Grammar() {
    }

    /** Words that only connect the others. */
    static final Set<String> CONNECTORS = Set.of("on", "at", "with", "and", "for", "of", "per", "a", "an", "the",
            "then", "serve", "serving", ",", ":", "using", "to", "in", "over");
    static final Map<String, String> ALIASES = Map.of("h100", "h100-sxm", "a100", "a100-80gb", "a100-40", "a100-40gb",
            "a100-80", "a100-80gb", "v5e", "tpu-v5e", "v5p", "tpu-v5p", "v6e", "tpu-v6e", "mi300", "mi300x");
    static final Set<String> PRECISIONS = Set.of("bf16", "fp16", "fp8", "int8", "int4", "fp4", "fp32", "tf32");
    static final Set<String> PRICING = Set.of("spot", "on-demand", "commit-1y", "commit-3y", "owned");
    static final Map<String, String> KINDS = Map.of("train", "pretraining", "pretrain", "pretraining", "pretraining",
            "pretraining", "fine-tune", "full-finetune", "finetune", "full-finetune", "lora", "lora");
    static final Set<String> REQUEST_WORDS = Set.of("requests", "request", "req", "reqs", "queries", "calls");
    static final Set<String> KEYWORDS = Set.of("tokens", "input", "output", "in", "out", "/", "ttft", "tpot", "e2e",
            "cache", "hits", "hit", "growth", "months", "month", "years", "year", "budget", "day", "second", "sec",
            "/day", "/month", "/s", "/sec", "daily", "monthly", "rate");

    static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)(ms|s)");
    static final Pattern PERCENT = Pattern.compile("(\\d+(?:\\.\\d+)?)%(/month|/mo)?");
    static final Pattern MONEY = Pattern.compile("\\$(\\d+(?:\\.\\d+)?)([kmb]?)(/month|/mo)?");
    static final Pattern RATE = Pattern.compile("(?:requests|request|req|reqs|queries|calls)?(/day|/d|/month|/s|/sec)");
    static final Pattern COUNT_X = Pattern.compile("(\\d+)x([a-z0-9].*)?");

}
