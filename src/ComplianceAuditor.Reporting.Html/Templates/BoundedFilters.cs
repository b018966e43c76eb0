using System.Globalization;
using Fluid;
using Fluid.Values;

namespace ComplianceAuditor.Reporting.Html.Templates;

/// <summary>
/// Wraps every filter so that what a lab's template makes with them stays bounded: a string longer than
/// <see cref="TemplateBounds.MaxValueLength"/> or a list grown past <see cref="TemplateBounds.MaxRangeLength"/> items
/// is refused, and the two filters that can square their input in one call (<c>replace</c>, <c>join</c>) and the one
/// that can turn each character into an item (<c>split</c>) are refused before they start. Without this,
/// <c>{% assign s = s | append: s %}</c> forty times over fills memory in forty steps. A filter's own failure
/// (<c>replace: ""</c> throws in .NET) becomes a template error naming the filter rather than escaping the renderer.
/// </summary>
internal static class BoundedFilters
{
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
        FluidValue result;
        try
        {
            result = await filter(input, arguments, context).ConfigureAwait(false);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or OverflowException or InvalidCastException or IndexOutOfRangeException)
        {
            throw new InvalidOperationException($"the filter '{name}' failed: {e.Message}", e);
        }

        CheckAfter(name, input, result);
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

    private static void CheckAfter(string name, FluidValue input, FluidValue result)
    {
        switch (result)
        {
            case StringValue text:
                Refuse(name, text.ToStringValue().Length);
                break;
            case ArrayValue list:
                // Filters that keep or reorder a list of the report (sort, where, map) may be as long as it is.
                RefuseItems(name, list.Values.Count, input is ArrayValue source ? source.Values.Count : 0);
                break;
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
