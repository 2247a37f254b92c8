package dev.warden.command.support;

/**
 * Records a refusal for lack of permission in the log, so it shows in the organization's audit
 * trail. The context that owns permissions implements it.
 */
public interface PermissionDenials {

    /**
     * Records that {@code acting} (the caller, in its organization) lacked {@code permission} for the
     * request {@code method} {@code path}.
     */
    void record(RequestContext acting, String permission, String method, String path);
}
