using System.Linq.Expressions;
using AngleSharp.Dom;
using Bunit;
using KhuyenCong.Showcase.Common;
using KhuyenCong.Showcase.Components.Shared;
using KhuyenCong.Showcase.Resources;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using MudBlazor;

namespace KhuyenCong.Showcase.Tests.Components;

/// <summary>The one path from a refused save to the form: under the box it concerns, or above the form.</summary>
public sealed class FormErrorsTests : MudComponentContext
{
    private sealed class Draft
    {
        public string? Name { get; set; }
        public string? Phone { get; set; }
    }

    private readonly Draft _draft = new();

    private IRenderedComponent<EditForm> RenderForm(IReadOnlyDictionary<string, string>? fields = null) =>
        Render<EditForm>(p => p.Add(f => f.Model, _draft).Add(f => f.ChildContent, (RenderFragment<EditContext>)(_ => b =>
        {
            b.OpenComponent<FormErrors>(0);
            b.AddComponentParameter(1, nameof(FormErrors.Fields), fields);
            b.CloseComponent();
            b.AddContent(2, Box("name", () => _draft.Name, v => _draft.Name = v));
            b.AddContent(3, Box("phone", () => _draft.Phone, v => _draft.Phone = v));
        })));

    private RenderFragment Box(string id, Expression<Func<string?>> bound, Action<string?> set) => b =>
    {
        b.OpenComponent<MudTextField<string?>>(0);
        b.AddComponentParameter(1, "Value", bound.Compile()());
        b.AddComponentParameter(2, "ValueChanged", EventCallback.Factory.Create(this, set));
        b.AddComponentParameter(3, "For", bound);
        b.AddComponentParameter(4, "InputId", id);
        b.CloseComponent();
    };

    private static string? ErrorUnder(IRenderedComponent<EditForm> form, string id) =>
        form.Find($"#{id}").Closest(".mud-input-control")?.QuerySelector(".mud-input-helper-text.mud-input-error")?.TextContent.Trim();

    private static Task<bool> Refuse(IRenderedComponent<FormErrors> errors, DomainException refusal) =>
        errors.InvokeAsync(() => errors.Instance.RunAsync(() => throw refusal));

    [Fact]
    public async Task ARefusalAboutAFieldStandsUnderItsBoxAndTypingThereClearsIt()
    {
        var form = RenderForm();
        var errors = form.FindComponent<FormErrors>();
        Assert.False(await Refuse(errors, DomainException.At("Phone", "Số điện thoại không hợp lệ.")));

        form.WaitForAssertion(() => Assert.Equal("Số điện thoại không hợp lệ.", ErrorUnder(form, "phone")));
        Assert.Null(ErrorUnder(form, "name"));
        Assert.Equal(UiText.Form_SeeMarkedField, form.Find("[data-testid=form-error]").TextContent.Trim());
        Assert.Equal("true", form.Find("#phone").GetAttribute("aria-invalid"));

        form.Find("#phone").Change("0912000111");
        form.WaitForAssertion(() => Assert.Null(ErrorUnder(form, "phone")));
    }

    [Fact]
    public async Task ARefusalAboutTheRecordOrAFieldTheFormLacksStandsAboveTheForm()
    {
        var form = RenderForm();
        var errors = form.FindComponent<FormErrors>();
        Assert.False(await Refuse(errors, new DomainException("Kỳ bình chọn đã đóng.")));
        form.WaitForAssertion(() => Assert.Equal("Kỳ bình chọn đã đóng.", form.Find("[data-testid=form-error]").TextContent.Trim()));

        Assert.False(await Refuse(errors, DomainException.At("Website", "Địa chỉ web không hợp lệ.")));
        form.WaitForAssertion(() => Assert.Equal("Địa chỉ web không hợp lệ.", form.Find("[data-testid=form-error]").TextContent.Trim()));
        Assert.Empty(form.FindAll(".mud-input-helper-text.mud-input-error"));
    }

    [Fact]
    public async Task AFieldNamedDifferentlyOnTheFormIsMappedAndASuccessfulSaveClearsEverything()
    {
        var form = RenderForm(new Dictionary<string, string> { ["Number"] = nameof(Draft.Name) });
        var errors = form.FindComponent<FormErrors>();
        Assert.False(await Refuse(errors, DomainException.At("Number", "Cần số quyết định.")));
        form.WaitForAssertion(() => Assert.Equal("Cần số quyết định.", ErrorUnder(form, "name")));

        Assert.True(await errors.InvokeAsync(() => errors.Instance.RunAsync(() => Task.CompletedTask)));
        form.WaitForAssertion(() => Assert.Null(ErrorUnder(form, "name")));
        Assert.Empty(form.FindAll("[data-testid=form-error]"));
    }

    [Fact]
    public async Task SomeoneElsesSaveInBetweenIsSaidAboveTheForm()
    {
        var form = RenderForm();
        var errors = form.FindComponent<FormErrors>();
        Assert.False(await errors.InvokeAsync(() => errors.Instance.RunAsync(() => throw new ConcurrencyConflictException("Người khác vừa lưu."))));
        form.WaitForAssertion(() => Assert.Equal("Người khác vừa lưu.", form.Find("[data-testid=form-error]").TextContent.Trim()));
    }
}
