package dev.remedia.activities.certs;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Self-signed certificates for test servers: Pebble's listener and nginx's certificate before renewal. */
final class TestCertificates {

  private TestCertificates() {}

  /** Writes a self-signed certificate for {@code name} (and 127.0.0.1) and its key as PEM files. */
  static X509Certificate selfSigned(String name, BigInteger serial, Duration age, Duration lifetime, Path cert, Path key)
      throws Exception {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair pair = generator.generateKeyPair();
    Instant notBefore = Instant.now().minus(age);
    X500Name subject = new X500Name("CN=" + name);
    JcaX509v3CertificateBuilder builder =
        new JcaX509v3CertificateBuilder(
            subject, serial, Date.from(notBefore), Date.from(notBefore.plus(lifetime)), subject, pair.getPublic());
    builder.addExtension(
        Extension.subjectAlternativeName,
        false,
        new GeneralNames(
            new GeneralName[] {new GeneralName(GeneralName.dNSName, name), new GeneralName(GeneralName.iPAddress, "127.0.0.1")}));
    X509Certificate certificate =
        new JcaX509CertificateConverter()
            .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
    Files.createDirectories(cert.toAbsolutePath().getParent());
    Files.writeString(cert, pem(certificate));
    Files.writeString(key, pem(pair.getPrivate()));
    return certificate;
  }

  private static String pem(Object object) throws IOException {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(object);
    }
    return out.toString();
  }
}
