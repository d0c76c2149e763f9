namespace Library.Web.Infrastructure.Jobs;

/// <summary>Schedules and limits of the background jobs (section "Jobs"). Crons are Quartz crons (with seconds).</summary>
public sealed class JobsOptions
{
    public const string Section = "Jobs";

    /// <summary>Flags loans that passed their due date (raises BookExpired once per loan). Default: every hour on the hour.</summary>
    public string OverdueSweepCron { get; set; } = "0 0 * * * ?";

    /// <summary>Charges late returns that have no fee (a crash between return and fee). Default: every hour at :30.</summary>
    public string FeeReconciliationCron { get; set; } = "0 30 * * * ?";

    /// <summary>Expires ready holds past their pickup deadline (the copy passes on). Default: every 15 minutes.</summary>
    public string HoldExpiryCron { get; set; } = "0 5/15 * * * ?";

    /// <summary>Sends due-soon reminders (Notices:DueSoonDays before the due day). Default: every hour at :10.</summary>
    public string DueSoonRemindersCron { get; set; } = "0 10 * * * ?";

    /// <summary>Renews renewable loans on their due day when Lending:AutoRenew is on. Default: every hour at :20.</summary>
    public string AutoRenewCron { get; set; } = "0 20 * * * ?";

    /// <summary>Loans flagged per transaction, so a big sweep never holds the write lock for long.</summary>
    public int BatchSize { get; set; } = 200;

    /// <summary>
    /// How late a firing may be before Quartz treats it as misfired. Misfired triggers fire once now and carry on
    /// (FireAndProceed), so a scheduler that was held up across several slots catches up with one run.
    /// </summary>
    public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// The in-memory store forgets schedules on restart, so slots missed while the app was down are not misfires:
    /// instead each catching-up job runs once shortly after start.
    /// </summary>
    public bool CatchUpOnStartup { get; set; } = true;

    public TimeSpan StartupDelay { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Reconciliation leaves returns younger than this to the normal path (the Fines handler via the outbox);
    /// it only charges what is still uncharged after the grace period.
    /// </summary>
    public TimeSpan ReconciliationGrace { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// Cluster mode (PostgreSQL and Redis) only: how often this node's scheduler records in the database that it is alive.
    /// A node that has not checked in for this interval plus <see cref="ClusterCheckinMisfireThreshold"/> is taken for dead
    /// and its jobs move to another node, so the two together bound how long a dead node's jobs wait.
    /// </summary>
    public TimeSpan ClusterCheckinInterval { get; set; } = TimeSpan.FromSeconds(7.5);

    /// <summary>How far past a missed check-in the other nodes wait before recovering a node's jobs (above the worst GC or VM pause).</summary>
    public TimeSpan ClusterCheckinMisfireThreshold { get; set; } = TimeSpan.FromSeconds(7.5);

    /// <summary>Run records kept per job for the Jobs page; older ones are deleted as new ones are written.</summary>
    public int HistoryPerJob { get; set; } = 200;
}
