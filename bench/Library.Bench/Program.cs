using Library.Bench;

var options = BenchOptions.Parse(args);
if (Directory.Exists(options.WorkDirectory))
{
    Directory.Delete(options.WorkDirectory, recursive: true);
}

Directory.CreateDirectory(options.WorkDirectory);
var report = new Report();
var scenarios = new Scenarios(options, report);
Console.WriteLine($"Library benchmark — {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {Environment.OSVersion}");

foreach (var name in options.Scenarios)
{
    switch (name)
    {
        case "load": await scenarios.ReferenceLoadAsync(); break;
        case "live": await scenarios.LiveLatencyAsync(); break;
        case "search": await scenarios.CatalogSearchAsync(); break;
        case "crash": await scenarios.CrashRunAsync(); break;
        case "circuits": await new CircuitsScenario(options, report).RunAsync(); break;
        case "reports": await new ReportsScenario(options, report).RunAsync(); break;
        case "startup": await new StartupScenario(options, report).RunAsync(); break;
        default: throw new ArgumentException($"Unknown scenario {name}");
    }
}

Console.WriteLine(report.TargetsTable());
var path = Path.Combine(options.WorkDirectory, "report.md");
await File.WriteAllTextAsync(path, report.ToString());
Console.WriteLine($"\nMarkdown table written to {path}");
