package dev.warden.keys;

/** The subject's data key was destroyed: what it encrypted can no longer be read (410 Gone for a caller). */
public class KeyDestroyedException extends RuntimeException {

    public KeyDestroyedException(String subjectId) {
        super("the data key of " + subjectId + " was destroyed");
    }
}
