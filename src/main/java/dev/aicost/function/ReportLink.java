package dev.aicost.function;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A link to a report's page that needs no storage: {@code q} is the request itself (compact JSON,
 * deflated, base64url), {@code exp} when the link stops working (epoch seconds) and {@code sig} an
 * HMAC-SHA256 over both with a server-side key. Opening it re-runs the estimate, which gives the same
 * report for the same request. A link that is expired, altered or signed with another key is refused,
 * and so is one whose request inflates past the parser's limit.
 */
final class ReportLink {
    /** How long a link works unless configured otherwise: 30 days. */
    static final long DEFAULT_TTL_SECONDS = 30L * 24 * 3600;
    /** The request a link may carry, inflated (the request parser's own limit). */
    static final int MAX_REQUEST_BYTES = 64 * 1024;

    private ReportLink() {
    }

    /** Why a link was refused. */
    enum Refusal {
        MISSING, MALFORMED, EXPIRED, BAD_SIGNATURE, TOO_LARGE
    }

    /** A checked link: the request it carries, or why it was refused. */
    record Opened(String requestJson, Refusal refusal) {
    }

    /** The query string ({@code q=…&exp=…&sig=…}) of a link to the page of {@code requestJson}. */
    static String query(String requestJson, String key, long nowSeconds, long ttlSeconds) {
        String q = Base64.getUrlEncoder().withoutPadding().encodeToString(deflate(requestJson.getBytes(
                StandardCharsets.UTF_8)));
        String exp = Long.toString(nowSeconds + ttlSeconds);
        return "q=" + q + "&exp=" + exp + "&sig=" + sign(key, q, exp);
    }

    static Opened open(String q, String exp, String sig, String key, long nowSeconds) {
        if (key == null || key.isEmpty() || q == null || q.isEmpty() || exp == null || exp.isEmpty() || sig == null
                || sig.isEmpty()) {
            return new Opened(null, Refusal.MISSING);
        }
        if (!exp.matches("[0-9]{1,12}") || !q.matches("[A-Za-z0-9_-]+") || !sig.matches("[A-Za-z0-9_-]+")) {
            return new Opened(null, Refusal.MALFORMED);
        }
        byte[] expected = sign(key, q, exp).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, sig.getBytes(StandardCharsets.US_ASCII))) {
            return new Opened(null, Refusal.BAD_SIGNATURE);
        }
        if (Long.parseLong(exp) < nowSeconds) {
            return new Opened(null, Refusal.EXPIRED);
        }
        byte[] inflated = inflate(Base64.getUrlDecoder().decode(q));
        if (inflated == null) {
            return new Opened(null, Refusal.TOO_LARGE);
        }
        return new Opened(new String(inflated, StandardCharsets.UTF_8), null);
    }

    static String sign(String key, String q, String exp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] d = mac.doFinal((q + "." + exp).getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(d);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java platform", e);
        }
    }

    static byte[] deflate(byte[] in) {
        Deflater d = new Deflater(Deflater.BEST_COMPRESSION, true);
        d.setInput(in);
        d.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(in.length / 2 + 16);
        byte[] buf = new byte[4096];
        while (!d.finished()) {
            out.write(buf, 0, d.deflate(buf));
        }
        d.end();
        return out.toByteArray();
    }

    /** The inflated bytes, or null past {@link #MAX_REQUEST_BYTES} or when they are not a deflate stream. */
    static byte[] inflate(byte[] in) {
        Inflater inf = new Inflater(true);
        byte[] padded = java.util.Arrays.copyOf(in, in.length + 1); // raw inflate wants a spare byte (Inflater docs)
        inf.setInput(padded);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[4096];
        try {
            while (!inf.finished()) {
                int n = inf.inflate(buf);
                if (n == 0 && (inf.needsInput() || inf.needsDictionary())) {
                    return null;
                }
                out.write(buf, 0, n);
                if (out.size() > MAX_REQUEST_BYTES) {
                    return null;
                }
            }
            return out.toByteArray();
        } catch (DataFormatException e) {
            return null;
        } finally {
            inf.end();
        }
    }
}
