using Library.Web.Features.Import;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace Library.Web.Components.Pages.Admin.Import;

/// <summary>Choose a file, preview it (a dry run: counts and problems, nothing written), then import it with progress.</summary>
public sealed partial class ImportPage
{
    private byte[]? _content;
    private string? _fileName;
    private ImportMode _mode = ImportMode.Add;
    private ImportEncoding _encoding = ImportEncoding.Auto;
    private ImportOutcome? _preview;
    private ImportOutcome? _result;
    private ImportProgress _progress = new(0, 0);
    private string? _error;
    private bool _busy;
    private bool _interactive; // the file input works once the circuit is up (not in the prerendered page)
    private readonly CancellationTokenSource _stop = new();

    private string Kilobytes => Math.Max(0.1, _content?.Length / 1024.0 ?? 0).ToString("N1", System.Globalization.CultureInfo.CurrentCulture);

    private double Percent => _progress.Total == 0 ? 0 : 100.0 * _progress.Done / _progress.Total;

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender)
        {
            _interactive = true;
            StateHasChanged();
        }
    }

    private async Task ChooseAsync(InputFileChangeEventArgs e)
    {
        Reset();
        _content = null;
        _fileName = e.File.Name;
        if (e.File.Size > Service.MaxBytes)
        {
            _error = Messages.File(new ImportFileUnreadableException("Import.File.TooLarge", ImportFileReader.Megabytes(Service.MaxBytes)));
            return;
        }

        _busy = true;
        try
        {
            await using var stream = e.File.OpenReadStream(Service.MaxBytes, _stop.Token);
            using var buffer = new MemoryStream((int)e.File.Size);
            await stream.CopyToAsync(buffer, _stop.Token);
            _content = buffer.ToArray();
        }
        catch (IOException ex)
        {
            Logger.LogWarning(ex, "Reading the chosen import file failed");
            _error = T["Common.Failed"];
        }
        finally
        {
            _busy = false;
        }
    }

    private void ModeChanged(ImportMode mode)
    {
        _mode = mode;
        Reset();
    }

    private void EncodingChanged(ImportEncoding encoding)
    {
        _encoding = encoding;
        Reset();
    }

    private IReadOnlyList<ImportProblemRow> _rows = [];

    private async Task PreviewAsync()
    {
        _preview = await RunAsync(dryRun: true);
        _rows = _preview is null ? [] : Rows(_preview);
    }

    private List<ImportProblemRow> Rows(ImportOutcome outcome) =>
        outcome.Rejected.Select(p => Row(p, "Import.Problems.Rejected"))
            .Concat(outcome.SkippedRows.Select(p => Row(p, "Import.Problems.Skipped")))
            .OrderBy(r => r.Line).ToList();

    private ImportProblemRow Row(ImportProblem problem, string result) =>
        new(problem.Line, Messages.Field(problem.Field), I[result], Messages.Problem(problem));

    private async Task ImportAsync()
    {
        _result = await RunAsync(dryRun: false);
        if (_result is not null)
        {
            _rows = Rows(_result);
            // Done: the file's bytes are not kept in the circuit; choosing a file again starts over.
            _content = null;
            _preview = null;
            Snackbar.Add(I["Import.Page.Done", _result.Imported, _result.Updated], Severity.Success);
        }
    }

    private async Task<ImportOutcome?> RunAsync(bool dryRun)
    {
        if (_content is null)
        {
            return null;
        }

        _busy = true;
        _error = null;
        _result = null;
        _progress = new ImportProgress(0, 0);
        try
        {
            var progress = new Reporter(p => InvokeAsync(() =>
            {
                _progress = p;
                StateHasChanged();
            }));
            return await Service.RunAsync(new ImportRequest(_content, _fileName, _mode, _encoding, dryRun), await ActorAsync(), progress, _stop.Token);
        }
        catch (ImportFileUnreadableException unreadable)
        {
            _error = Messages.File(unreadable);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            Logger.LogError(ex, "Import failed");
            _error = T["Common.Failed"];
        }
        finally
        {
            _busy = false;
        }

        return null;
    }

    private void Reset()
    {
        _preview = null;
        _result = null;
        _error = null;
    }

    public void Dispose()
    {
        _stop.Cancel();
        _stop.Dispose();
        _content = null;
    }

    private sealed class Reporter(Func<ImportProgress, Task> report) : IProgress<ImportProgress>
    {
        public void Report(ImportProgress value) => _ = report(value);
    }
}
