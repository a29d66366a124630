package dev.aicost.function;

/** Starts this function again, asynchronously, with a payload (Lambda's "Event" invocation). */
public interface AsyncInvoker {
    /** @return whether the invocation was accepted (Lambda answers 202) */
    boolean invoke(String payloadJson);
}
