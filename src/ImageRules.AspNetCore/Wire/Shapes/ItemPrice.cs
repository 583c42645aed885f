using System.Text.Json.Serialization;

namespace ImageRules.AspNetCore.Wire;

/// <summary>SDK <c>ItemPrice</c>: one item's price, in yuan (SDK: float64).</summary>
/// <remarks>
/// Every field is optional; an unset one is left out, except the one-, three- and five-year fields, which the SDK model
/// documents as possibly null and which are written as <c>null</c>. Immutable.
/// </remarks>
internal sealed record ItemPrice
{
    /// <summary>Postpaid: the list price of the following usage.</summary>
    public double? UnitPrice { get; init; }

    /// <summary>Postpaid: the unit of usage, <c>HOUR</c> or <c>GB</c>.</summary>
    public string? ChargeUnit { get; init; }

    /// <summary>Prepaid: the list price.</summary>
    public double? OriginalPrice { get; init; }

    /// <summary>Prepaid: the discounted price.</summary>
    public double? DiscountPrice { get; init; }

    /// <summary>The discount; 20.0 means 20 % of the list price.</summary>
    public double? Discount { get; init; }

    /// <summary>Postpaid: the discounted price of the following usage.</summary>
    public double? UnitPriceDiscount { get; init; }

    /// <summary>Postpaid: the list price for hours 96 to 360.</summary>
    public double? UnitPriceSecondStep { get; init; }

    /// <summary>Postpaid: the discounted price for hours 96 to 360.</summary>
    public double? UnitPriceDiscountSecondStep { get; init; }

    /// <summary>Postpaid: the list price from hour 360.</summary>
    public double? UnitPriceThirdStep { get; init; }

    /// <summary>Postpaid: the discounted price from hour 360.</summary>
    public double? UnitPriceDiscountThirdStep { get; init; }

    /// <summary>Prepaid three years: the list price; may be null.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? OriginalPriceThreeYear { get; init; }

    /// <summary>Prepaid three years: the discounted price; may be null.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? DiscountPriceThreeYear { get; init; }

    /// <summary>Prepaid three years: the discount; may be null.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? DiscountThreeYear { get; init; }

    /// <summary>Prepaid five years: the list price; may be null.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? OriginalPriceFiveYear { get; init; }

    /// <summary>Prepaid five years: the discounted price; may be null.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? DiscountPriceFiveYear { get; init; }

    /// <summary>Prepaid five years: the discount; may be null.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? DiscountFiveYear { get; init; }

    /// <summary>Prepaid one year: the list price; may be null.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? OriginalPriceOneYear { get; init; }

    /// <summary>Prepaid one year: the discounted price; may be null.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? DiscountPriceOneYear { get; init; }

    /// <summary>Prepaid one year: the discount; may be null.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public double? DiscountOneYear { get; init; }
}
