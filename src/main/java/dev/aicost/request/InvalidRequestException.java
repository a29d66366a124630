package dev.aicost.request;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * A request that cannot be estimated, with every problem found. Its {@link #toString()} is the
 * JSON error body callers read ({@code {"error":"INVALID_REQUEST","message":...,"problems":[...]}}):
 * Funqy reports a function's exception as its toString(), so no class name or stack frame leaks.
 * Built without reflection (a tree), so the native image needs no registration for it.
 */
public final class InvalidRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();
    public static final String ERROR_CODE = "INVALID_REQUEST";

    private final transient List<Problem> problems;

    /** Problems beyond {@link Limits#MAX_PROBLEMS} (counted in the message, not listed). */
    private final int omitted;

    /** What a message in words was read as, when it was read and the estimate then refused; else null. */
    private final String understood;

    public InvalidRequestException(List<Problem> problems) {
        super(summary(problems), null, false, false);
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("an invalid request needs at least one problem");
        }
        // An error is never much larger than the request that caused it: the first problems, then a count.
        this.problems = List.copyOf(problems.subList(0, Math.min(problems.size(), Limits.MAX_PROBLEMS)));
        this.omitted = problems.size() - this.problems.size();
        this.understood = null;
    }

    private InvalidRequestException(InvalidRequestException refused, String understood) {
        super(refused.getMessage(), null, false, false);
        this.problems = refused.problems;
        this.omitted = refused.omitted;
        this.understood = understood;
    }

    public static InvalidRequestException of(String path, String problem, String allowed) {
        return new InvalidRequestException(List.of(new Problem(path, problem, allowed)));
    }

    public List<Problem> problems() {
        return problems;
    }

    /**
     * The same refusal of a message that was read without doubt: {@code understood} says what it was read as
     * (the chat answer's first line, and {@code understood} in the JSON body).
     */
    public InvalidRequestException understoodAs(String understood) {
        return new InvalidRequestException(this, understood);
    }

    /** What the message was read as before the estimate refused it; null for a request in JSON or one not read. */
    public String understood() {
        return understood;
    }

    private static String summary(List<Problem> problems) {
        if (problems.size() == 1) {
            return "The request has 1 problem: " + problems.get(0).path() + " " + problems.get(0).problem();
        }
        return "The request has " + problems.size() + " problems" + (problems.size() > Limits.MAX_PROBLEMS
                ? " (the first " + Limits.MAX_PROBLEMS + " are listed, and " + (problems.size() - Limits.MAX_PROBLEMS)
                        + " more)" : "");
    }

    public int omitted() {
        return omitted;
    }

    public ObjectNode toJson() {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("error", ERROR_CODE);
        root.put("message", getMessage());
        if (understood != null) {
            root.put("understood", understood);
        }
        ArrayNode list = root.putArray("problems");
        for (Problem p : problems) {
            ObjectNode n = list.addObject();
            n.put("path", p.path());
            n.put("problem", p.problem());
            if (p.allowed() != null) {
                n.put("allowed", p.allowed());
            }
        }
        return root;
    }

    @Override
    public String toString() {
        try {
            return JSON.writeValueAsString(toJson());
        } catch (JsonProcessingException e) {
            return "{\"error\":\"" + ERROR_CODE + "\"}";
        }
    }
}
