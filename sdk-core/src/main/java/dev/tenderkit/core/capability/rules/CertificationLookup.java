package dev.tenderkit.core.capability.rules;

import dev.tenderkit.core.capability.CapabilityQuery;
import dev.tenderkit.core.capability.MethodRequirements;
import dev.tenderkit.core.capability.TerminalCertification;
import dev.tenderkit.core.terminal.SoftwareVersion;

/** What the policy certifies for this terminal and method: shared by the certification and version rules. */
final class CertificationLookup {
    private CertificationLookup() {
    }

    /** @return whether the policy requires certified terminal software for the method */
    static boolean required(CapabilityQuery q) {
        MethodRequirements req = q.requirementsOrNull();
        return req != null && req.certificationRequired();
    }

    /**
     * @return the lowest certified software version of this terminal's brand/model for the method,
     *     or {@code null} when it is not certified for it at any version (no allocation)
     */
    static SoftwareVersion minimumVersionOrNull(CapabilityQuery q) {
        TerminalCertification cert = q.certificationOrNull();
        return cert == null ? null : cert.minimumVersions().get(q.method().id());
    }
}
