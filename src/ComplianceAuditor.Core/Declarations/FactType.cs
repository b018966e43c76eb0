namespace ComplianceAuditor.Core.Declarations;

/// <summary>The kind of value a declared fact takes.</summary>
public enum FactType
{
    Boolean,

    /// <summary>One of the fact's choices.</summary>
    Choice,

    /// <summary>Any number of the fact's choices.</summary>
    List,

    /// <summary>A calendar date, <c>YYYY-MM-DD</c>.</summary>
    Date,

    /// <summary>An <c>https://</c>, <c>http://</c> or <c>mailto:</c> address.</summary>
    Url,

    Text,
}
