using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;

namespace ComplianceAuditor.Reporting.Charts;

/// <summary>
/// Turns Skia's SVG into an element that is safe and stable to paste inline into an HTML page. It parses the SVG and
/// writes it again, so every text and attribute is XML-escaped by the writer rather than trusted from the drawing;
/// keeps only drawing elements (no script, foreignObject, image or link can survive, whatever a future Skia emits);
/// renumbers ids under the chart's own prefix (Skia numbers clip paths with a process-wide counter, so the raw ids differ
/// between two renders and would collide between charts on one page); and adds a title and a description.
/// </summary>
internal static partial class SvgCleaner
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    private static readonly HashSet<string> Drawing = new(StringComparer.Ordinal)
    {
        "svg", "g", "defs", "clipPath", "path", "rect", "circle", "ellipse", "line", "polyline", "polygon", "text", "tspan",
        "title", "desc",
    };

    public static string Clean(byte[] raw, ReportChart chart)
    {
        XDocument document;
        using (var stream = new MemoryStream(raw))
        using (var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null }))
        {
            document = XDocument.Load(reader);
        }

        var root = document.Root;
        if (root is null || root.Name != Svg + "svg")
        {
            throw new InvalidOperationException("Skia wrote a document whose root is not an <svg> element.");
        }

        foreach (var element in root.Descendants().Where(e => e.Name.Namespace != Svg || !Drawing.Contains(e.Name.LocalName)).ToArray())
        {
            element.Remove();
        }

        Renumber(root, chart.Id);
        foreach (var element in root.DescendantsAndSelf())
        {
            CleanAttributes(element);
        }

        // Skia indents the glyphs inside <text>; the per-glyph x positions belong to the characters, not to that indentation.
        foreach (var text in root.Descendants(Svg + "text"))
        {
            foreach (var node in text.Nodes().OfType<XText>())
            {
                node.Value = node.Value.Trim();
            }
        }

        var size = FormattableString.Invariant($"0 0 {chart.Width:0.##} {chart.Height:0.##}");
        root.SetAttributeValue("viewBox", size);
        root.SetAttributeValue("role", "img");
        root.SetAttributeValue("aria-labelledby", chart.Id + "-title " + chart.Id + "-desc");
        root.AddFirst(
            new XElement(Svg + "title", new XAttribute("id", chart.Id + "-title"), chart.Title),
            new XElement(Svg + "desc", new XAttribute("id", chart.Id + "-desc"), chart.Description));
        return root.ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>Gives every id the form <c>{chart}-clip{n}</c> in document order and rewrites the references to it.</summary>
    private static void Renumber(XElement root, string prefix)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var attribute in root.Descendants().Select(e => e.Attribute("id")).OfType<XAttribute>())
        {
            var renamed = prefix + "-clip" + (map.Count + 1).ToString(CultureInfo.InvariantCulture);
            map[attribute.Value] = renamed;
            attribute.Value = renamed;
        }

        foreach (var attribute in root.DescendantsAndSelf().SelectMany(e => e.Attributes()).Where(a => !a.IsNamespaceDeclaration))
        {
            attribute.Value = Reference().Replace(
                attribute.Value,
                m => map.TryGetValue(m.Groups[1].Value, out var renamed) ? $"url(#{renamed})" : "none");
        }
    }

    private static void CleanAttributes(XElement element)
    {
        foreach (var attribute in element.Attributes().ToArray())
        {
            var name = attribute.Name.LocalName;
            // Event handlers, inline CSS and links are never part of a chart; external ones would make the HTML report
            // fetch something, which it promises not to.
            if (name.StartsWith("on", StringComparison.OrdinalIgnoreCase) || name is "style" or "href" or "src"
                || (attribute.Value.Contains("url(", StringComparison.OrdinalIgnoreCase) && !Reference().IsMatch(attribute.Value)))
            {
                attribute.Remove();
            }
            else if (name == "font-family" && !attribute.Value.EndsWith("sans-serif", StringComparison.Ordinal))
            {
                // A reader without the font still gets a sans-serif of similar width rather than a serif default.
                attribute.Value += ", sans-serif";
            }
        }
    }

    [GeneratedRegex(@"url\(#([A-Za-z0-9_\-]+)\)", RegexOptions.CultureInvariant)]
    private static partial Regex Reference();
}
