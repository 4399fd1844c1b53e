package io.firstwall.facts;

/** An accelerator a plan can buy; its figures are facts named {@code accelerator.<id>.*}. */
public record Accelerator(String id, String name, String source, String status) {
}
