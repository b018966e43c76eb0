using System.Globalization;
using Fluid;
using Fluid.Values;

namespace ComplianceAuditor.Reporting.Html.Templates;

/// <summary>
/// Wraps every filter so that what a lab's template makes with them stays bounded: a string longer than
/// <see cref="TemplateBounds.MaxValueLength"/> or a list grown past <see cref="TemplateBounds.MaxRangeLength"/> items
/// is refused, and the two filters that can square their input in one call (<c>replace</c>, <c>join</c>) and the one
/// that can turn each character into an item (<c>split</c>) are refused before they start. Without this,
/// <c>{% assign s = s | append: s %}</c> forty times over fills memory in forty steps. Filters that grow text by a
/// fixed factor and format widths are checked before they run, and every result counts against the page's
/// <see cref="RenderBudget"/>. A filter's own failure
/// (<c>replace: ""</c> throws in .NET) becomes a template error naming the filter rather than escaping the renderer.
/// </summary>
internal static class BoundedFilters
{
    /// <summary>Largest width or precision a format filter may be given.</summary>
    private const int MaxWidth = 1000;

    /// <summary>
    /// How many times longer than its input a filter's output can be, for the filters that grow text by a fixed factor
    /// (an HTML entity for a character, "%XX" for a byte, "&lt;br /&gt;" for a line break), so the largest input is refused
    /// before it is expanded rather than after.
    /// </summary>
    private static readonly Dictionary<string, int> Expansion = new(StringComparer.Ordinal)
    {
        ["escape"] = 6,
        ["escape_once"] = 6,
        ["xml_escape"] = 6,
        ["url_encode"] = 12,
        ["url_escape"] = 12,
        ["newline_to_br"] = 8,
        ["json"] = 6,
        ["base64_encode"] = 2,
        ["base64_url_safe_encode"] = 2,
    };

    public static void Apply(FilterCollection filters)
    {
        ArgumentNullException.ThrowIfNull(filters);
        foreach (var (name, filter) in filters.ToArray())
        {
            filters.AddFilter(name, (input, arguments, context) => RunAsync(name, filter, input, arguments, context));
        }
    }

    private static async ValueTask<FluidValue> RunAsync(
        string name, FilterDelegate filter, FluidValue input, FilterArguments arguments, TemplateContext context)
    {
        CheckBefore(name, input, arguments);
        var budget = RenderBudget.Of(context);
        budget?.CheckTime();
        FluidValue result;
        try
        {
            result = await filter(input, arguments, context).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or ArithmeticException or InvalidCastException or IndexOutOfRangeException or FluidException)
        {
            throw new InvalidOperationException($"the filter '{name}' failed: {e.Message}", e);
        }

        budget?.Made(CheckAfter(name, input, result));
        return result;
    }

    /// <summary>Refuses the calls whose result could be far larger than their input before they make it.</summary>
    private static void CheckBefore(string name, FluidValue input, FilterArguments arguments)
    {
        switch (name)
        {
            case "replace":
                {
                    var text = input.ToStringValue();
                    var search = arguments.At(0).ToStringValue();
                    var replacement = arguments.At(1).ToStringValue();
                    var matches = search.Length == 0 ? 0L : Occurrences(text, search);
                    Refuse(name, text.Length + (matches * Math.Max(0, replacement.Length - search.Length)));
                    break;
                }

            case "join" when input is ArrayValue list:
                {
                    var separator = arguments.At(0).ToStringValue();
                    var length = Math.Max(0L, list.Values.Count - 1L) * separator.Length;
                    foreach (var item in list.Values)
                    {
                        length += item.ToStringValue().Length;
                        Refuse(name, length);
                    }

                    break;
                }

            case var expanding when Expansion.TryGetValue(expanding, out var factor):
                Refuse(name, (long)input.ToStringValue().Length * factor);
                break;

            case var formatting when formatting.StartsWith("format_", StringComparison.Ordinal) || formatting == "date":
                CheckWidths(name, arguments);
                break;

            case "split":
                {
                    var text = input.ToStringValue();
                    var separator = arguments.At(0).ToStringValue();
                    var items = separator.Length == 0 ? text.Length : Occurrences(text, separator) + 1;
                    RefuseItems(name, items, 0);
                    break;
                }
        }
    }

    /// <summary>Refuses a result past the bounds; returns its size (characters, or items) for the page's budget.</summary>
    private static long CheckAfter(string name, FluidValue input, FluidValue result)
    {
        switch (result)
        {
            case StringValue text:
                var length = text.ToStringValue().Length;
                Refuse(name, length);
                return length;
            case ArrayValue list:
                // Filters that keep or reorder a list of the report (sort, where, map) may be as long as it is.
                RefuseItems(name, list.Values.Count, input is ArrayValue source ? source.Values.Count : 0);
                return list.Values.Count;
            default:
                return 0;
        }
    }

    /// <summary>
    /// Widths and precisions in a format argument ("F999999999", "{0,999999}") make a string of that many characters
    /// from a single number; none a report needs is anywhere near this.
    /// </summary>
    private static void CheckWidths(string name, FilterArguments arguments)
    {
        for (var i = 0; i < arguments.Count; i++)
        {
            var text = arguments.At(i).ToStringValue();
            var run = 0L;
            foreach (var c in text.Append(' '))
            {
                if (char.IsAsciiDigit(c))
                {
                    run = Math.Min((run * 10) + (c - '0'), int.MaxValue);
                    continue;
                }

                if (run > MaxWidth)
                {
                    throw new InvalidOperationException(string.Create(
                        CultureInfo.InvariantCulture,
                        $"the filter '{name}' was given a width or precision of {run}; a template may ask for at most {MaxWidth}"));
                }

                run = 0;
            }
        }
    }

    private static void Refuse(string name, long length)
    {
        if (length > TemplateBounds.MaxValueLength)
        {
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"the filter '{name}' would make a string of {length} characters or more; a template may make at most {TemplateBounds.MaxValueLength}"));
        }
    }

    private static void RefuseItems(string name, long items, long inputItems)
    {
        if (items > TemplateBounds.MaxRangeLength && items > inputItems)
        {
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"the filter '{name}' would make a list of {items} items; a template may make at most {TemplateBounds.MaxRangeLength}"));
        }
    }

    private static long Occurrences(string text, string search)
    {
        var count = 0L;
        for (var at = text.IndexOf(search, StringComparison.Ordinal); at >= 0; at = text.IndexOf(search, at + search.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }
}
