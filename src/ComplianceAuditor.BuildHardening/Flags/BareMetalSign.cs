namespace ComplianceAuditor.BuildHardening.Flags;

/// <summary>
/// Where a CMake or Make file shows it builds for a microcontroller or without an operating system (a bare-metal
/// cross compiler, <c>-ffreestanding</c>, a Zephyr or ESP-IDF project). PIE and RELRO mean nothing there, so a
/// repository-wide look at the Linux hardening flags leaves such files out.
/// </summary>
/// <param name="Marker">The text that shows it, as written (<c>arm-none-eabi</c>, <c>find_package(Zephyr</c>).</param>
/// <param name="Line">The 1-based line.</param>
public sealed record BareMetalSign(string Marker, int Line);
