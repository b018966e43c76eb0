using System.Globalization;
using System.Text.Encodings.Web;
using Fluid.Values;

namespace ComplianceAuditor.Reporting.Html.Templates;

/// <summary>
/// A <see cref="Views.TrustedMarkup"/> as templates see it: a string in every respect, printed encoded like any other,
/// and the only kind of value <c>| raw</c> lets through unencoded (see <see cref="RawFilter"/>). Kept a type of its
/// own so that a template cannot launder firmware text into markup.
/// </summary>
internal sealed class MarkupValue(string markup) : FluidValue
{
    public string Markup => markup;

    public override FluidValues Type => FluidValues.String;

    public override bool Equals(FluidValue other) => other is not null && other.Type == FluidValues.String && other.ToStringValue() == markup;

    public override bool ToBooleanValue() => true;

    public override decimal ToNumberValue() => 0;

    public override string ToStringValue() => markup;

    public override object ToObjectValue() => markup;

    public override ValueTask WriteToAsync(TextWriter writer, TextEncoder encoder, CultureInfo cultureInfo)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(encoder);
        encoder.Encode(writer, markup);
        return ValueTask.CompletedTask;
    }

    public override bool Equals(object? obj) => obj is FluidValue other && Equals(other);

    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(markup);
}
