using System.Threading.Channels;
using Library.Domain.Common;
using Library.Web.Features.Desk;
using Library.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Library.Web.Components.Pages.Admin.Desk;

/// <summary>
/// What happens at the counter, one scan at a time in the order they came (a queue: a scanner may type the next code
/// while this one is being checked). Check-out: a card (or a name search) picks the patron, then each barcode lends a copy;
/// finishing leaves a receipt. Check-in: each barcode returns a copy, whoever had it. Cards and names always go to check-out.
/// Lives in one desk page's circuit; the page renders its state after every step.
/// </summary>
internal sealed class DeskCounter(
    DeskService desk, DeskScanKinds kinds, DeskProblems problems, IStringLocalizer<DeskText> text, TimeProvider clock, Func<bool, Task> beep)
{
    private readonly Channel<Func<CancellationToken, Task>> _work =
        Channel.CreateUnbounded<Func<CancellationToken, Task>>(new UnboundedChannelOptions { SingleReader = true });
    private readonly List<string> _waiting = [];
    private readonly List<DeskLine> _checkouts = [];
    private readonly List<DeskLine> _checkins = [];
    private int _lineNumber;

    public DeskMode Mode { get; private set; } = DeskMode.CheckOut;
    public DeskSignalState Signal { get; private set; } = new(null, text["Signal.Ready"]);
    public DeskPatron? Patron { get; private set; }
    public (string Query, IReadOnlyList<DeskPatron> Patrons)? Results { get; private set; }
    public DeskReceipt? Receipt { get; set; }
    public IReadOnlyList<string> Waiting => _waiting;
    public IReadOnlyList<DeskLine> Checkouts => _checkouts;
    public IReadOnlyList<DeskLine> Checkins => _checkins;

    /// <summary>Works the queue until <paramref name="ct"/> ends; <paramref name="changed"/> after every step.</summary>
    public async Task RunAsync(Action changed, CancellationToken ct)
    {
        try
        {
            await foreach (var work in _work.Reader.ReadAllAsync(ct))
            {
                try
                {
                    await work(ct);
                }
                catch (Exception ex) when (!ct.IsCancellationRequested)
                {
                    await ShowAsync(false, problems.Describe(ex, string.Empty, card: false) ?? text["Error.Failed"]);
                }

                changed();
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
    }

    public void Stop() => _work.Writer.TryComplete();

    public void Scan(string input)
    {
        var (code, mode) = (input.Trim(), Mode);
        _waiting.Add(code);
        _work.Writer.TryWrite(async ct =>
        {
            _waiting.Remove(code);
            await (kinds.Of(code) switch
            {
                DeskScanKind.PatronSearch => SearchAsync(code, ct),
                DeskScanKind.Card => StartPatronAsync(() => desk.FindPatronByCardAsync(code, ct), code, card: true),
                _ when mode == DeskMode.CheckIn => CheckInAsync(code, ct),
                DeskScanKind.CopyBarcode when Patron is null => ShowAsync(false, text["Error.CardFirst"]),
                DeskScanKind.OtherCode when Patron is null => StartPatronOrSearchAsync(code, ct),
                _ => CheckOutAsync(Patron!, code, ct),
            });
        });
    }

    public void Finish() => _work.Writer.TryWrite(_ => FinishAsync());

    public void Choose(DeskPatron patron) =>
        _work.Writer.TryWrite(ct => StartPatronAsync(() => desk.GetPatronAsync(patron.Id, ct), patron.Id, card: false));

    public void SwitchTo(DeskMode mode)
    {
        Mode = mode;
        Signal = new(null, text["Signal.Ready"]);
    }

    private async Task SearchAsync(string query, CancellationToken ct)
    {
        var found = await desk.SearchPatronsAsync(query, ct);
        Mode = DeskMode.CheckOut;
        Results = found.Count > 1 ? (query, found) : null;
        if (found.Count == 1)
        {
            await StartPatronAsync(() => desk.GetPatronAsync(found[0].Id, ct), query, card: false);
        }
        else if (found.Count == 0)
        {
            await ShowAsync(false, text["Signal.NoMatch", query]);
        }
        else
        {
            Signal = new(null, text["Signal.Choose", found.Count, query]);
        }
    }

    /// <summary>
    /// A code that is not one of the library's cards while nobody is served: a card of an earlier system, or a user name
    /// that ends in digits ("kim2024"); when no card has it, a search.
    /// </summary>
    private async Task StartPatronOrSearchAsync(string code, CancellationToken ct)
    {
        DeskPatron? patron = null;
        try
        {
            patron = await desk.FindPatronByCardAsync(code, ct);
        }
        catch (NotFoundException)
        {
        }
        catch (Exception ex) when (problems.Describe(ex, code, card: true) is { } problem)
        {
            await ShowAsync(false, problem);
            return;
        }

        await (patron is null ? SearchAsync(code, ct) : StartPatronAsync(() => Task.FromResult(patron), code, card: true));
    }

    /// <summary>A new patron at the counter: the one being served (if any) is finished first, with their receipt.</summary>
    private async Task StartPatronAsync(Func<Task<DeskPatron>> load, string input, bool card)
    {
        DeskPatron patron;
        try
        {
            patron = await load();
        }
        catch (Exception ex) when (problems.Describe(ex, input, card) is { } problem)
        {
            await ShowAsync(false, problem);
            return;
        }

        await FinishAsync();
        (Patron, Results, Mode) = (patron, null, DeskMode.CheckOut);
        await ShowAsync(!patron.IsBlocked, patron.IsBlocked ? text["Signal.PatronBlocked", patron.DisplayName] : text["Signal.Patron", patron.DisplayName]);
    }

    private async Task CheckOutAsync(DeskPatron patron, string barcode, CancellationToken ct)
    {
        var number = ++_lineNumber;
        try
        {
            var done = await desk.CheckOutAsync(patron.Id, barcode, ct);
            _checkouts.Insert(0, new DeskLine(number, barcode, true) { Title = done.Title, Barcode = done.Barcode, DueAt = done.DueAt });
            Receipt = null;
            await ShowAsync(true, text["Signal.CheckedOut", done.Title]);
        }
        catch (Exception ex) when (problems.Describe(ex, barcode, card: false) is { } problem)
        {
            _checkouts.Insert(0, new DeskLine(number, barcode, false, problem));
            await ShowAsync(false, problem);
        }

        Patron = await desk.GetPatronAsync(patron.Id, ct);
    }

    private async Task CheckInAsync(string barcode, CancellationToken ct)
    {
        var number = ++_lineNumber;
        try
        {
            var done = await desk.CheckInAsync(barcode, ct);
            _checkins.Insert(0, new DeskLine(number, barcode, true)
            {
                Title = done.Title, Barcode = done.Barcode, PatronName = done.PatronName, DaysOverdue = done.DaysOverdue,
                LateFee = done.LateFeeCharged, HoldFor = done.HoldFor,
            });
            await ShowAsync(true, text["Signal.CheckedIn", done.Title]);
            if (Patron?.Id == done.PatronId)
            {
                Patron = await desk.GetPatronAsync(done.PatronId, ct);
            }
        }
        catch (Exception ex) when (problems.Describe(ex, barcode, card: false) is { } problem)
        {
            _checkins.Insert(0, new DeskLine(number, barcode, false, problem));
            await ShowAsync(false, problem);
        }
    }

    /// <summary>Ends the current patron's session: a receipt of what was lent, and the desk is ready for the next card.</summary>
    private Task FinishAsync()
    {
        Results = null;
        if (Patron is not { } patron)
        {
            return Task.CompletedTask;
        }

        var items = _checkouts.Where(l => l.Ok).Reverse().Select(l => new DeskReceiptItem(l.Title!, l.Barcode!, l.DueAt!.Value)).ToList();
        Receipt = items.Count == 0 ? null : new DeskReceipt(Ids.New(), patron.Id, patron.DisplayName, patron.Email, patron.CardNumber, clock.GetUtcNow(), items);
        Signal = new(null, items.Count == 0 ? text["Signal.Finished.Nothing", patron.DisplayName] : text["Signal.Finished", patron.DisplayName]);
        (Patron, Mode) = (null, DeskMode.CheckOut);
        _checkouts.Clear();
        return Task.CompletedTask;
    }

    private async Task ShowAsync(bool ok, string message)
    {
        Signal = new(ok, message);
        await beep(ok);
    }
}
