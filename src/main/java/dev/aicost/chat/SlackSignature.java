package dev.aicost.chat;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Slack's request signing (v0): {@code X-Slack-Signature} is {@code v0=} and the hex HMAC-SHA256 of
 * {@code v0:<X-Slack-Request-Timestamp>:<raw body>} under the app's signing secret. A request is
 * accepted only with a matching signature (compared in constant time) and a timestamp within five
 * minutes of now, which stops replays.
 */
public final class SlackSignature {
    public static final long MAX_AGE_SECONDS = 300;
    /** How far ahead of this function's clock a timestamp may be (clock skew), far less than the age. */
    public static final long MAX_SKEW_SECONDS = 60;

    /** Why a request was refused, or null when it is authentic. */
    public enum Refusal {
        NO_SECRET, MISSING, STALE, MISMATCH
    }

    private SlackSignature() {
    }

    public static Refusal check(String secret, String timestamp, String body, String signature, long nowSeconds) {
        if (secret == null || secret.isEmpty()) {
            return Refusal.NO_SECRET;
        }
        if (timestamp == null || signature == null || body == null) {
            return Refusal.MISSING;
        }
        long ts;
        try {
            ts = Long.parseLong(timestamp.trim());
        } catch (NumberFormatException e) {
            return Refusal.MISSING;
        }
        // Compared without subtracting (now − 2⁶³ would overflow Math.abs back into range): at most five
        // minutes old, and at most a minute ahead of this clock.
        if (ts < nowSeconds - MAX_AGE_SECONDS || ts > nowSeconds + MAX_SKEW_SECONDS) {
            return Refusal.STALE;
        }
        byte[] expected = sign(secret, timestamp.trim(), body).getBytes(StandardCharsets.US_ASCII);
        byte[] given = signature.trim().getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, given) ? null : Refusal.MISMATCH;
    }

    /** {@code v0=<hex HMAC-SHA256 of "v0:timestamp:body">}. */
    public static String sign(String secret, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
            StringBuilder hex = new StringBuilder("v0=");
            for (byte b : digest) {
                hex.append(Character.forDigit((b >> 4) & 0xF, 16)).append(Character.forDigit(b & 0xF, 16));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
