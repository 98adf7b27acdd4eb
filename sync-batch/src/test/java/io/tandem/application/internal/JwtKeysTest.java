package io.tandem.application.internal;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The JWT key pair made for an administrator: a certificate any X.509 reader takes, matching the private key kept. */
class JwtKeysTest {

    @Test
    void theCertificateIsValidSelfSignedAndCertifiesThePrivateKeysPublicHalf() throws Exception {
        Instant now = Instant.parse("2026-11-30T12:00:00Z");
        JwtKeys.Pair pair = JwtKeys.generate("Tandem JWT bearer", now, 730);
        X509Certificate cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pair.certificatePem().getBytes(StandardCharsets.US_ASCII)));
        assertEquals(3, cert.getVersion());
        assertEquals("CN=Tandem JWT bearer", cert.getSubjectX500Principal().getName());
        assertEquals(cert.getSubjectX500Principal(), cert.getIssuerX500Principal());
        assertEquals("SHA256withRSA", cert.getSigAlgName());
        assertTrue(cert.getSerialNumber().signum() > 0);
        cert.checkValidity(java.util.Date.from(now.plusSeconds(86_400)));
        assertEquals(now.plusSeconds(730L * 86_400), cert.getNotAfter().toInstant());
        cert.verify(cert.getPublicKey());

        String body = pair.privateKeyPem().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        var privateKey = KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(privateKey);
        signer.update("a JWT".getBytes(StandardCharsets.UTF_8));
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(cert);
        verifier.update("a JWT".getBytes(StandardCharsets.UTF_8));
        assertTrue(verifier.verify(signature), "what the kept key signs, the certificate's key verifies");
        assertTrue(pair.privateKeyPem().startsWith("-----BEGIN PRIVATE KEY-----\n"));
    }
}
