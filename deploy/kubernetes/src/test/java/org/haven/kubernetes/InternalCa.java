package org.haven.kubernetes;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import io.fabric8.certmanager.api.model.v1.Certificate;
import io.fabric8.certmanager.api.model.v1.Issuer;

/**
 * Follows cert-manager's chain in a rendered overlay: the Certificate that writes a Secret, the Issuer that signs it,
 * and for a CA Issuer the Certificate of its CA. cert-manager writes the signing CA's certificate into every Secret it
 * issues as {@code ca.crt}, so whoever trusts a Secret's {@code ca.crt} trusts the CA of {@link #caOf(RenderedOverlay, String)}.
 */
final class InternalCa {

    private InternalCa() {
    }

    /** The Certificate whose {@code secretName} is this Secret. */
    static Certificate writing(RenderedOverlay overlay, String secret) {
        return overlay.all(Certificate.class).stream()
                .filter(certificate -> secret.equals(certificate.getSpec().getSecretName()))
                .findFirst().orElseThrow(() -> new AssertionError(overlay.name() + ": no cert-manager Certificate writes Secret " + secret));
    }

    /** The namespaced Issuer a Certificate names (a ClusterIssuer would be shared with whoever else uses it). */
    static Issuer issuerOf(RenderedOverlay overlay, Certificate certificate) {
        var reference = certificate.getSpec().getIssuerRef();
        if (reference.getKind() != null && !reference.getKind().equals("Issuer")) {
            throw new AssertionError(OverlayRenderingTest.id(certificate) + " is issued by a " + reference.getKind() + ", not Haven's own Issuer");
        }
        return overlay.one(Issuer.class, reference.getName());
    }

    /**
     * The CA Certificate behind the CA Issuer that signs the certificate in {@code secret}: that Certificate is a CA
     * and is itself issued by a self-signed Issuer (Haven's own root), else this fails.
     */
    static Certificate caOf(RenderedOverlay overlay, String secret) {
        Issuer issuer = issuerOf(overlay, writing(overlay, secret));
        if (issuer.getSpec().getCa() == null) {
            throw new AssertionError(overlay.name() + ": Secret " + secret + " is signed by Issuer " + issuer.getMetadata().getName()
                    + ", which is not a CA Issuer");
        }
        Certificate ca = writing(overlay, issuer.getSpec().getCa().getSecretName());
        if (!Boolean.TRUE.equals(ca.getSpec().getIsCA())) {
            throw new AssertionError(OverlayRenderingTest.id(ca) + " signs certificates but is not a CA (isCA)");
        }
        if (issuerOf(overlay, ca).getSpec().getSelfSigned() == null) {
            throw new AssertionError(OverlayRenderingTest.id(ca) + " is not Haven's own root (issued by a self-signed Issuer)");
        }
        return ca;
    }

    /** The keys cert-manager writes into the Secret of every Certificate. */
    static Map<String, Set<String>> secretsWritten(RenderedOverlay overlay) {
        Map<String, Set<String>> secrets = new LinkedHashMap<>();
        overlay.all(Certificate.class).forEach(certificate ->
                secrets.put(certificate.getSpec().getSecretName(), Set.of("tls.crt", "tls.key", "ca.crt")));
        return secrets;
    }
}
