using System.Collections.Concurrent;
using System.ComponentModel.DataAnnotations;
using System.Linq.Expressions;
using System.Reflection;
using KhuyenCong.Showcase.Resources;
using Microsoft.AspNetCore.Components.Forms;

namespace KhuyenCong.Showcase.Components.Shared;

/// <summary>A text's maximum length with the message in the reader's language (DataAnnotations' own is English only).</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class TextLengthAttribute : StringLengthAttribute
{
    public TextLengthAttribute(int maximumLength) : base(maximumLength)
    {
        ErrorMessageResourceType = typeof(Messages);
        ErrorMessageResourceName = nameof(Messages.TextTooLong);
    }

    public override string FormatErrorMessage(string name) => string.Format(ErrorMessageString, MaximumLength);

    private static readonly ConcurrentDictionary<(Type, string), int?> Limits = new();

    /// <summary>The limit declared on the property an input is bound to, so the browser stops typing there too.</summary>
    public static int? Of<T>(Expression<Func<T>>? bound)
    {
        if (bound is null) return null;
        var field = FieldIdentifier.Create(bound);
        return Limits.GetOrAdd((field.Model.GetType(), field.FieldName), key =>
            key.Item1.GetProperty(key.Item2)?.GetCustomAttribute<StringLengthAttribute>()?.MaximumLength);
    }

    /// <summary>The input's attributes with <c>maxlength</c> added from the bound property, unless the page set one.</summary>
    public static IReadOnlyDictionary<string, object>? WithMaxLength<T>(IReadOnlyDictionary<string, object>? attributes, Expression<Func<T>>? bound)
    {
        if (attributes?.ContainsKey("maxlength") == true || Of(bound) is not { } max) return attributes;
        var copy = attributes is null ? new Dictionary<string, object>() : new Dictionary<string, object>(attributes);
        copy["maxlength"] = max;
        return copy;
    }
}

/// <summary><see cref="InputText"/> that carries the bound property's maximum length to the browser.</summary>
public sealed class TextInput : InputText
{
    protected override void OnParametersSet()
    {
        base.OnParametersSet();
        AdditionalAttributes = TextLengthAttribute.WithMaxLength(AdditionalAttributes, ValueExpression);
    }
}

/// <summary><see cref="InputTextArea"/> that carries the bound property's maximum length to the browser.</summary>
public sealed class TextArea : InputTextArea
{
    protected override void OnParametersSet()
    {
        base.OnParametersSet();
        AdditionalAttributes = TextLengthAttribute.WithMaxLength(AdditionalAttributes, ValueExpression);
    }
}
