using KhuyenCong.Showcase.Components.Shared;
using System.ComponentModel.DataAnnotations;
using KhuyenCong.Showcase.Resources;

namespace KhuyenCong.Showcase.Producers;

public sealed class ProductForm
{
    [Required(ErrorMessageResourceType = typeof(Messages), ErrorMessageResourceName = nameof(Messages.ProductNameRequired))]
    [TextLength(Product.NameMaxLength)]
    public string Name { get; set; } = "";

    public ProductGroup Group { get; set; } = ProductGroup.Handicraft;

    [Required(ErrorMessageResourceType = typeof(Messages), ErrorMessageResourceName = nameof(Messages.ProductStoryRequired))]
    [TextLength(Product.StoryMaxLength)]
    public string Story { get; set; } = "";

    [TextLength(Product.TextMaxLength)] public string? Materials { get; set; }
    [TextLength(Product.TextMaxLength)] public string? Process { get; set; }
    [TextLength(Product.TextMaxLength)] public string? Market { get; set; }
    [TextLength(Product.TextMaxLength)] public string? Specifications { get; set; }

    [Range(0, long.MaxValue, ErrorMessageResourceType = typeof(Messages), ErrorMessageResourceName = nameof(Messages.ProductPriceNegative))]
    public long? PriceMin { get; set; }

    [Range(0, long.MaxValue, ErrorMessageResourceType = typeof(Messages), ErrorMessageResourceName = nameof(Messages.ProductPriceNegative))]
    public long? PriceMax { get; set; }

    public ProductDetails ToDetails() => new(Name, Group, Story, Materials, Process, Market, Specifications, PriceMin, PriceMax);

    public static ProductForm From(ProductDetails d) => new()
    {
        Name = d.Name, Group = d.Group, Story = d.Story, Materials = d.Materials, Process = d.Process, Market = d.Market,
        Specifications = d.Specifications, PriceMin = d.PriceMin, PriceMax = d.PriceMax,
    };
}
