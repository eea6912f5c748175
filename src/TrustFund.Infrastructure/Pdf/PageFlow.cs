using SkiaSharp;

namespace TrustFund.Infrastructure.Pdf;

/// <summary>
/// The layout cursor: blocks ask for room, add drawings at the current position and move down.
/// When a block needs more room than is left, it starts a new page (unless the page is still
/// empty, so an oversized block cannot loop forever).
/// </summary>
internal sealed class PageFlow
{
    private readonly float _top;
    private readonly List<List<IPageDrawing>> _pages = [[]];

    public PageFlow(TextShaper shaper, float left, float top, float width, float bottom)
    {
        Shaper = shaper;
        Left = left;
        Width = width;
        _top = top;
        Bottom = bottom;
        Y = top;
    }

    public TextShaper Shaper { get; }
    public float Left { get; }
    public float Width { get; }
    public float Right => Left + Width;
    public float Bottom { get; }
    public float Y { get; private set; }
    public float PageHeight => Bottom - _top;
    public IReadOnlyList<IReadOnlyList<IPageDrawing>> Pages => _pages;
    public bool AtPageTop => Y <= _top + 0.01f;

    public bool Fits(float height) => Y + height <= Bottom + 0.01f;

    /// <summary>Starts a new page unless <paramref name="height"/> still fits on this one.</summary>
    public void EnsureRoom(float height)
    {
        if (!Fits(height) && !AtPageTop) NewPage();
    }

    public void NewPage()
    {
        _pages.Add([]);
        Y = _top;
    }

    public void Add(IPageDrawing drawing) => _pages[^1].Add(drawing);

    public void Advance(float height) => Y += height;

    /// <summary>Vertical space between blocks; swallowed at the top of a page.</summary>
    public void Gap(float height)
    {
        if (!AtPageTop) Y = Math.Min(Y + height, Bottom);
    }

    /// <summary>Adds the lines at the cursor, one after the other, breaking pages between lines.</summary>
    public void AddLines(IReadOnlyList<TextLine> lines, float x, SKColor color)
    {
        foreach (var line in lines)
        {
            EnsureRoom(line.Height);
            Add(new TextDrawing(line, x, Y, color));
            Advance(line.Height);
        }
    }
}
