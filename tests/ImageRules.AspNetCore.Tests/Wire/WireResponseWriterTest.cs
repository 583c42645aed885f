using System.Buffers;
using System.Text;
using System.Text.Json;
using ImageRules.AspNetCore.Wire;

namespace ImageRules.AspNetCore.Tests.Wire;

public sealed class WireResponseWriterTest
{
    [Fact]
    public void Success_EmptyList_WritesAnEmptyArrayAndZero()
    {
        var json = Encoding.UTF8.GetString(Written.Success(new DescribeImagesResponse(), "req-2"));

        Assert.Equal("""{"Response":{"ImageSet":[],"TotalCount":0,"RequestId":"req-2"}}""", json);
    }

    [Fact]
    public void Failure_AnError_WritesTheProviderErrorEnvelope()
    {
        var json = Encoding.UTF8.GetString(Written.Failure(
            new WireError(WireErrorCodes.InvalidParameterCoexistImageIdsFilters, "`ImageIds` and `Filters` cannot be specified together"),
            "req-3"));

        Assert.Equal(
            """{"Response":{"Error":{"Code":"InvalidParameter.InvalidParameterCoexistImageIdsFilters","Message":"`ImageIds` and `Filters` cannot be specified together"},"RequestId":"req-3"}}""",
            json);
    }

    [Fact]
    public void Failure_ReaderError_RoundTripsItsCodeAndMessage()
    {
        var read = WireRequestReader.Read("DeleteImages", "{}"u8);
        Assert.False(read.IsSuccess);

        using var document = JsonDocument.Parse(Written.Failure(read.Error, "req-4"));

        var error = document.RootElement.GetProperty("Response").GetProperty("Error");
        Assert.Equal(read.Error.Code, error.GetProperty("Code").GetString());
        Assert.Equal(read.Error.Message, error.GetProperty("Message").GetString());
    }

    [Fact]
    public void Success_SyncImagesWithoutImageSet_LeavesItOut()
    {
        Assert.Equal(
            """{"Response":{"RequestId":"r"}}""",
            Encoding.UTF8.GetString(Written.Success(new SyncImagesResponse(), "r")));
        Assert.Equal(
            """{"Response":{"ImageSet":[{"ImageId":"img-2","Region":"ap-shanghai"}],"RequestId":"r"}}""",
            Encoding.UTF8.GetString(Written.Success(
                new SyncImagesResponse { ImageSet = [new SyncImage { ImageId = "img-2", Region = "ap-shanghai" }] }, "r")));
    }

    [Fact]
    public void Success_Price_WritesThePossiblyNullYearFieldsAsNull()
    {
        var json = Encoding.UTF8.GetString(Written.Success(
            new InquiryPriceRunInstancesResponse
            {
                Price = new Price { InstancePrice = new ItemPrice { UnitPrice = 0.5, ChargeUnit = "HOUR", UnitPriceDiscount = 0.25, Discount = 50 } },
            },
            "r"));

        Assert.Equal(
            """{"Response":{"Price":{"InstancePrice":{"UnitPrice":0.5,"ChargeUnit":"HOUR","Discount":50,"UnitPriceDiscount":0.25,"OriginalPriceThreeYear":null,"DiscountPriceThreeYear":null,"DiscountThreeYear":null,"OriginalPriceFiveYear":null,"DiscountPriceFiveYear":null,"DiscountFiveYear":null,"OriginalPriceOneYear":null,"DiscountPriceOneYear":null,"DiscountOneYear":null}},"RequestId":"r"}}""",
            json);
    }

    [Fact]
    public void Success_EveryResponse_IsWrittenWithItsRequestIdLast()
    {
        WireResponse[] responses =
        [
            new DescribeImagesResponse(), new CreateImageResponse { ImageId = "img-1" }, new DeleteImagesResponse(),
            new ModifyImageAttributeResponse(), new ModifyImageSharePermissionResponse(),
            new DescribeImageSharePermissionResponse { SharePermissionSet = [new SharePermission { AccountId = "1", CreatedTime = new DateTimeOffset(2026, 12, 1, 2, 9, 13, TimeSpan.Zero) }] },
            new SyncImagesResponse(), new ImportImageResponse { ImageId = "img-2" },
            new DescribeImportImageOsResponse { ImportImageOsListSupported = new ImageOsList { Linux = ["CentOS"], Windows = [] }, ImportImageOsVersionSet = [new OsVersion { OsName = "CentOS", OsVersions = ["7"], Architecture = ["x86_64"] }] },
            new DescribeImageQuotaResponse { ImageNumQuota = 500 },
            new DescribeRegionsResponse { TotalCount = 1, RegionSet = [new RegionInfo { Region = "ap-guangzhou", RegionName = "华南地区(广州)", RegionState = "AVAILABLE" }] },
            new InquiryPriceRunInstancesResponse(), new RunInstancesResponse { InstanceIdSet = ["ins-1"] },
            new WireErrorResponse(new WireError(WireErrorCodes.InternalError, "boom")),
        ];

        foreach (var response in responses)
        {
            using var document = JsonDocument.Parse(Write(response, "req-all"));

            var body = Assert.Single(document.RootElement.EnumerateObject());
            Assert.Equal("Response", body.Name);
            var last = body.Value.EnumerateObject().Last();
            Assert.Equal(("RequestId", "req-all"), (last.Name, last.Value.GetString()));
        }
    }

    [Fact]
    public void Success_NonAsciiText_RoundTripsThroughAnyJsonParser()
    {
        using var document = JsonDocument.Parse(Written.Success(
            new DescribeRegionsResponse { TotalCount = 1, RegionSet = [new RegionInfo { Region = "ap-guangzhou", RegionName = "华南地区(广州)" }] },
            "r"));

        Assert.Equal("华南地区(广州)", document.RootElement.GetProperty("Response").GetProperty("RegionSet")[0].GetProperty("RegionName").GetString());
    }

    [Fact]
    public void Success_TheSameResponseTwice_KeepsTheCallersValueUnchanged()
    {
        var response = new CreateImageResponse { ImageId = "img-1" };

        WireResponseWriter.Success(response, "r-1");

        Assert.Equal(string.Empty, response.RequestId);
    }

    [Fact]
    public void Answer_Code_IsSuccessOrTheErrorsCode()
    {
        Assert.Equal("Success", WireResponseWriter.Success(new CreateImageResponse { ImageId = "img-1" }, "r").Code);
        Assert.Equal(WireErrorCodes.InternalError, WireResponseWriter.Failure(new WireError(WireErrorCodes.InternalError, "boom"), "r").Code);
    }

    [Fact]
    public void WriteTo_AnswersOneAfterAnotherOnOneThread_EachGoesWholeToItsOwnDestination()
    {
        var first = new ArrayBufferWriter<byte>();
        var second = new ArrayBufferWriter<byte>();

        WireResponseWriter.Success(new CreateImageResponse { ImageId = "img-1" }, "r-1").WriteTo(first);
        WireResponseWriter.Failure(new WireError(WireErrorCodes.InternalError, "boom"), "r-2").WriteTo(second);

        Assert.Equal("""{"Response":{"ImageId":"img-1","RequestId":"r-1"}}""", Encoding.UTF8.GetString(first.WrittenSpan));
        Assert.Equal("""{"Response":{"Error":{"Code":"InternalError","Message":"boom"},"RequestId":"r-2"}}""", Encoding.UTF8.GetString(second.WrittenSpan));
    }

    private static byte[] Write(WireResponse response, string requestId) => response switch
    {
        DescribeImagesResponse r => Written.Success(r, requestId),
        CreateImageResponse r => Written.Success(r, requestId),
        DeleteImagesResponse r => Written.Success(r, requestId),
        ModifyImageAttributeResponse r => Written.Success(r, requestId),
        ModifyImageSharePermissionResponse r => Written.Success(r, requestId),
        DescribeImageSharePermissionResponse r => Written.Success(r, requestId),
        SyncImagesResponse r => Written.Success(r, requestId),
        ImportImageResponse r => Written.Success(r, requestId),
        DescribeImportImageOsResponse r => Written.Success(r, requestId),
        DescribeImageQuotaResponse r => Written.Success(r, requestId),
        DescribeRegionsResponse r => Written.Success(r, requestId),
        InquiryPriceRunInstancesResponse r => Written.Success(r, requestId),
        RunInstancesResponse r => Written.Success(r, requestId),
        WireErrorResponse r => Written.Success(r, requestId),
        _ => throw new ArgumentOutOfRangeException(nameof(response), response.GetType().Name),
    };

    /// <summary>Answers as the bytes <see cref="WireAnswer.WriteTo"/> writes.</summary>
    private static class Written
    {
        public static byte[] Success<T>(T response, string requestId)
            where T : WireResponse => Bytes(WireResponseWriter.Success(response, requestId));

        public static byte[] Failure(WireError error, string requestId) => Bytes(WireResponseWriter.Failure(error, requestId));

        private static byte[] Bytes(WireAnswer answer)
        {
            var destination = new ArrayBufferWriter<byte>();
            answer.WriteTo(destination);
            return destination.WrittenSpan.ToArray();
        }
    }
}
