using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.AspNetCore.Components.Rendering;

namespace Library.Web.Components.Account;

/// <summary>
/// A password box that never writes its value into the HTML: after a failed sign-in or a validation error the page is
/// rendered again, and a password must not travel back to the browser (or sit in its cache) inside the markup.
/// </summary>
public sealed class PasswordInput : InputText
{
    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
        builder.OpenElement(0, "input");
        builder.AddMultipleAttributes(1, AdditionalAttributes);
        builder.AddAttribute(2, "type", "password");
        builder.AddAttribute(3, "name", NameAttributeValue);
        builder.AddAttribute(4, "class", CssClass);
        builder.AddAttribute(5, "onchange", EventCallback.Factory.CreateBinder<string?>(this, value => CurrentValueAsString = value, null));
        builder.CloseElement();
    }
}
