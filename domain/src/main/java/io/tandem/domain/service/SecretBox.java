package io.tandem.domain.service;

/** Seals secrets for storage and opens them again; the key never leaves the box. */
public interface SecretBox {

    byte[] seal(String plain);

    String open(byte[] sealed);
}
