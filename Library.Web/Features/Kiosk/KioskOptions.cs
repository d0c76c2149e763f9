namespace Library.Web.Features.Kiosk;

/// <summary>Self-check kiosk settings (section "Kiosk").</summary>
public sealed class KioskOptions
{
    public const string Section = "Kiosk";

    /// <summary>A patron's kiosk session ends after this many seconds without a key, scan or touch (a countdown shows the last 10).</summary>
    public int IdleSeconds { get; set; } = 60;

    /// <summary>How long a one-time pairing code for a station stays valid.</summary>
    public int PairingMinutes { get; set; } = 30;
}
