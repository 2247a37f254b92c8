package dev.warden.events.infrastructure;

/**
 * How a Terraform workspace runs: the environment it stands for (e.g. {@code production}), the
 * Terraform version ({@code 1.9.8}, or none for the runner's default), the directory of the
 * configuration within the repository, the VCS repository and branch it follows, and whether a
 * succeeded plan is applied without a separate approval ({@code autoApply}). Only the environment is
 * required; a branch needs a repository.
 */
public record WorkspaceSettings(String environment,
                                String terraformVersion,
                                String workingDirectory,
                                String vcsRepository,
                                String vcsBranch,
                                boolean autoApply) {
}
