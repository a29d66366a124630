package dev.aicost.chat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.aicost.request.Problem;
import java.util.List;

/**
 * What a chat message was read as: one structured request, or one per option of a comparison
 * ({@code labels} name the options as typed); the words that were skipped although they might have
 * mattered; what was assumed in reading it (a family read as its newest release…); or, when it cannot
 * be read without guessing, every problem with a rewrite that works.
 */
public record Reading(List<ObjectNode> options, List<String> labels, List<String> ignored, List<String> notes,
        List<Problem> problems) {

    public boolean understood() {
        return problems.isEmpty();
    }

    public boolean comparison() {
        return options.size() > 1;
    }

    public ObjectNode request() {
        return options.get(0);
    }
}
