// Every image action of the SDK's cvm 2017-03-12 client against the stand-in, through CvmClient: the fields the SDK
// model names, paging and filters, and each action's documented refusals.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  REGION, ZONE, accounts, cvm, describeOne, instanceId, publicImage, refused, useStandIn, waitForState, world,
} from "./harness.mjs";

// The Seed profile with one figure overridden in the world file, so the actions below have room for their images.
const standIn = useStandIn({ worldFile: world("Seed", { maxCustomImagesPerRegion: 50 }) });
const privateOnly = [{ Name: "image-type", Values: ["PRIVATE_IMAGE"] }];
const cosUrl = (file, region = REGION) => `https://images-1250000000.cos.${region}.myqcloud.com/${file}`;

describe("DescribeImages", () => {
  let owner;
  let pages;
  before(async () => {
    owner = cvm(standIn(), accounts.owner);
    pages = [];
    for (let i = 0; i < 5; i++) {
      pages.push((await owner.CreateImage({ InstanceId: instanceId(), ImageName: `page-${i}` })).ImageId);
    }
  });

  test("an image carries every field of the SDK's Image model", async () => {
    const { ImageSet } = await owner.DescribeImages({ ImageIds: [pages[0]] });
    assert.equal(ImageSet.length, 1);
    assert.deepEqual(Object.keys(ImageSet[0]).sort(), [
      "Architecture", "CreatedTime", "ImageCreator", "ImageDeprecated", "ImageDescription", "ImageFamily", "ImageId",
      "ImageName", "ImageSize", "ImageSource", "ImageState", "ImageType", "IsSupportCloudinit", "LicenseType", "OsName",
      "Platform", "SnapshotSet", "SyncPercent", "Tags",
    ]);
    const image = ImageSet[0];
    assert.equal(typeof image.ImageSize, "number");
    assert.equal(typeof image.IsSupportCloudinit, "boolean");
    assert.equal(image.ImageDeprecated, false);
    assert.deepEqual(image.Tags, []);
    assert.deepEqual(image.SnapshotSet, []);
    assert.match(image.CreatedTime, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/, "whole seconds, as the provider writes them");
  });

  test("public images: every account sees them, official, with the provider's architecture names", async () => {
    const { ImageSet, TotalCount } = await cvm(standIn(), accounts.recipient).DescribeImages({
      Filters: [{ Name: "image-type", Values: ["PUBLIC_IMAGE"] }], Limit: 100,
    });
    assert.equal(TotalCount, ImageSet.length);
    assert.ok(TotalCount >= 5);
    for (const image of ImageSet) {
      assert.equal(image.ImageType, "PUBLIC_IMAGE");
      assert.equal(image.ImageState, "NORMAL");
      assert.equal(image.ImageSource, "OFFICIAL");
      assert.ok(["x86_64", "i386", "arm"].includes(image.Architecture), image.Architecture);
    }
    assert.ok(ImageSet.some((i) => i.Architecture === "arm"), "an Arm image is `arm`, as the SDK model spells it");
  });

  test("ImageIds: the visible ones among them, unknown ids simply absent", async () => {
    const other = cvm(standIn(), accounts.other);
    const hidden = (await other.CreateImage({ InstanceId: instanceId(), ImageName: "not-yours" })).ImageId;
    const { ImageSet, TotalCount } = await owner.DescribeImages({ ImageIds: [pages[1], hidden, "img-00000000", pages[3]] });
    assert.deepEqual(ImageSet.map((i) => i.ImageId).sort(), [pages[1], pages[3]].sort());
    assert.equal(TotalCount, 2);
  });

  test("Offset/Limit page through the matches, newest first, TotalCount the whole match", async () => {
    const all = await owner.DescribeImages({ Filters: privateOnly, Limit: 100 });
    assert.equal(all.TotalCount, 5);
    assert.deepEqual(all.ImageSet.map((i) => i.ImageName), ["page-4", "page-3", "page-2", "page-1", "page-0"]);
    const seen = [];
    for (let offset = 0; offset < 5; offset += 2) {
      const page = await owner.DescribeImages({ Filters: privateOnly, Offset: offset, Limit: 2 });
      assert.equal(page.TotalCount, 5);
      assert.equal(page.ImageSet.length, Math.min(2, 5 - offset));
      seen.push(...page.ImageSet.map((i) => i.ImageId));
    }
    assert.deepEqual(seen, all.ImageSet.map((i) => i.ImageId));
    const beyond = await owner.DescribeImages({ Filters: privateOnly, Offset: 10, Limit: 2 });
    assert.deepEqual(beyond.ImageSet, []);
    assert.equal(beyond.TotalCount, 5);
    const everything = await owner.DescribeImages({ Limit: 100 });
    const firstPage = await owner.DescribeImages({});
    assert.equal(firstPage.ImageSet.length, Math.min(20, everything.TotalCount), "20 by default");
  });

  test("Filters: values of one filter are OR-ed, filters AND-ed", async () => {
    const all = await owner.DescribeImages({ Limit: 100 });
    const publicCount = all.ImageSet.filter((i) => i.ImageType === "PUBLIC_IMAGE").length;
    const both = await owner.DescribeImages({ Filters: [{ Name: "image-type", Values: ["PRIVATE_IMAGE", "PUBLIC_IMAGE"] }], Limit: 100 });
    assert.equal(both.TotalCount, publicCount + 5);

    const windows = await owner.DescribeImages({
      Filters: [{ Name: "image-type", Values: ["PUBLIC_IMAGE"] }, { Name: "platform", Values: ["Windows"] }], Limit: 100,
    });
    assert.ok(windows.TotalCount > 0);
    assert.ok(windows.ImageSet.every((i) => i.Platform === "Windows" && i.ImageType === "PUBLIC_IMAGE"));

    const named = await owner.DescribeImages({ Filters: [{ Name: "image-name", Values: ["page-1", "page-3", "no-such-name"] }] });
    assert.deepEqual(named.ImageSet.map((i) => i.ImageName).sort(), ["page-1", "page-3"]);
    const byId = await owner.DescribeImages({ Filters: [{ Name: "image-id", Values: [pages[2]] }, ...privateOnly] });
    assert.deepEqual(byId.ImageSet.map((i) => i.ImageId), [pages[2]]);
    const contradiction = await owner.DescribeImages({
      Filters: [{ Name: "image-type", Values: ["PRIVATE_IMAGE"] }, { Name: "image-type", Values: ["PUBLIC_IMAGE"] }],
    });
    assert.equal(contradiction.TotalCount, 0, "two filters of one name intersect");
    const tagged = await owner.DescribeImages({ Filters: [{ Name: "tag-key", Values: ["team"] }] });
    assert.equal(tagged.TotalCount, 0, "images carry no tags in the stand-in");
  });

  test("the provider's caps and refusals (R2, R35)", async () => {
    await refused(owner.DescribeImages({ ImageIds: [pages[0]], Filters: privateOnly }), "InvalidParameter.InvalidParameterCoexistImageIdsFilters");
    await refused(owner.DescribeImages({ Filters: [{ Name: "image-name", Values: ["a", "b", "c", "d", "e", "f"] }] }), "InvalidFilterValue.LimitExceeded");
    await refused(owner.DescribeImages({ Filters: Array.from({ length: 11 }, () => privateOnly[0]) }), "InvalidParameterValue.LimitExceeded");
    await refused(owner.DescribeImages({ Filters: [{ Name: "colour", Values: ["blue"] }] }), "InvalidFilter");
    await refused(owner.DescribeImages({ ImageIds: Array.from({ length: 101 }, () => pages[0]) }), "InvalidParameterValue.LimitExceeded");
    await refused(owner.DescribeImages({ Limit: 101 }), "InvalidParameterValue.InvalidParameterValueLimit");
  });
});

describe("ModifyImageAttribute", () => {
  test("renames and re-describes; names stay unique and within 60 characters (R12)", async () => {
    const owner = cvm(standIn(), accounts.owner);
    const first = (await owner.CreateImage({ InstanceId: instanceId(), ImageName: "attr-a" })).ImageId;
    const second = (await owner.CreateImage({ InstanceId: instanceId(), ImageName: "attr-b" })).ImageId;
    await waitForState(owner, first);
    const answer = await owner.ModifyImageAttribute({ ImageId: first, ImageName: "attr-renamed", ImageDescription: "now described" });
    assert.ok(answer.RequestId);
    const image = await describeOne(owner, first);
    assert.equal(image.ImageName, "attr-renamed");
    assert.equal(image.ImageDescription, "now described");
    await owner.ModifyImageAttribute({ ImageId: first, ImageDescription: "only the description" });
    assert.equal((await describeOne(owner, first)).ImageName, "attr-renamed", "an absent name is left as it is");

    await refused(owner.ModifyImageAttribute({ ImageId: second, ImageName: "attr-renamed" }), "InvalidImageName.Duplicate");
    await refused(owner.ModifyImageAttribute({ ImageId: first, ImageName: "x".repeat(61) }), "InvalidParameterValue.TooLarge");
    await refused(owner.ModifyImageAttribute({ ImageId: first, ImageDescription: "x".repeat(257) }), "InvalidParameterValue.TooLarge");
    await refused(owner.ModifyImageAttribute({ ImageId: first, ImageName: "bidi\u202Eevil" }), "InvalidParameterValue");
    assert.equal((await describeOne(owner, second)).ImageName, "attr-b");
  });
});

describe("ModifyImageSharePermission and DescribeImageSharePermission", () => {
  test("SHARE adds grants, CANCEL removes them, all or nothing; the owner sees every grant", async () => {
    const owner = cvm(standIn(), accounts.owner);
    const { ImageId } = await owner.CreateImage({ InstanceId: instanceId(), ImageName: "grants" });
    await waitForState(owner, ImageId);
    await owner.ModifyImageSharePermission({ ImageId, AccountIds: [accounts.recipient.id, accounts.other.id], Permission: "SHARE" });
    const listed = await owner.DescribeImageSharePermission({ ImageId });
    assert.deepEqual(listed.SharePermissionSet.map((g) => g.AccountId).sort(), [accounts.recipient.id, accounts.other.id].sort());
    for (const grant of listed.SharePermissionSet) assert.deepEqual(Object.keys(grant).sort(), ["AccountId", "CreatedTime"]);
    assert.equal((await describeOne(cvm(standIn(), accounts.other), ImageId)).ImageType, "SHARED_IMAGE");

    await refused(owner.ModifyImageSharePermission({ ImageId, AccountIds: [accounts.other.id, "9999999999"], Permission: "CANCEL" }), "InvalidAccountId.NotFound");
    assert.equal((await owner.DescribeImageSharePermission({ ImageId })).SharePermissionSet.length, 2, "a refused cancel cancels nothing");
    await owner.ModifyImageSharePermission({ ImageId, AccountIds: [accounts.other.id], Permission: "CANCEL" });
    assert.deepEqual((await owner.DescribeImageSharePermission({ ImageId })).SharePermissionSet.map((g) => g.AccountId), [accounts.recipient.id]);
    assert.equal(await describeOne(cvm(standIn(), accounts.other), ImageId), undefined);

    await refused(owner.ModifyImageSharePermission({ ImageId, AccountIds: [accounts.other.id], Permission: "LEND" }), "InvalidParameterValue");
    await refused(owner.ModifyImageSharePermission({ ImageId, AccountIds: [], Permission: "SHARE" }), "MissingParameter");
    await refused(owner.ModifyImageSharePermission({ ImageId, AccountIds: [accounts.other.id, accounts.other.id], Permission: "SHARE" }), "FailedOperation.AccountAlreadyExists");
    const publicLinux = await publicImage(owner, "CentOS");
    await refused(owner.ModifyImageSharePermission({ ImageId: publicLinux.ImageId, AccountIds: [accounts.other.id], Permission: "SHARE" }), "UnauthorizedOperation.ImageNotBelongToAccount");
  });

  test("a recipient sees its own grant only (R27)", async () => {
    const owner = cvm(standIn(), accounts.owner);
    const { ImageId } = await owner.CreateImage({ InstanceId: instanceId(), ImageName: "own-grant" });
    await waitForState(owner, ImageId);
    await owner.ModifyImageSharePermission({ ImageId, AccountIds: [accounts.recipient.id, accounts.other.id], Permission: "SHARE" });
    const mine = await cvm(standIn(), accounts.recipient).DescribeImageSharePermission({ ImageId });
    assert.deepEqual(mine.SharePermissionSet.map((g) => g.AccountId), [accounts.recipient.id]);
  });
});

describe("ImportImage and DescribeImportImageOs", () => {
  test("DescribeImportImageOs lists what ImportImage takes", async () => {
    const answer = await cvm(standIn(), accounts.owner).DescribeImportImageOs({});
    assert.ok(answer.ImportImageOsListSupported.Linux.includes("CentOS"));
    assert.ok(answer.ImportImageOsListSupported.Windows.length > 0);
    assert.ok(answer.ImportImageOsVersionSet.length > 0);
    for (const os of answer.ImportImageOsVersionSet) {
      assert.equal(typeof os.OsName, "string");
      assert.ok(Array.isArray(os.OsVersions) && Array.isArray(os.Architecture));
    }
  });

  test("an import becomes a NORMAL, externally imported private image", async () => {
    const owner = cvm(standIn(), accounts.owner);
    const answer = await owner.ImportImage({
      Architecture: "x86_64", OsType: "CentOS", OsVersion: "7", ImageUrl: cosUrl("web.qcow2"), ImageName: "imported-web",
      ImageDescription: "from a qcow2 file",
    });
    assert.match(answer.ImageId, /^img-[a-z0-9]{8}$/, "the SDK's ImportImageResponse carries the new ImageId");
    const image = await waitForState(owner, answer.ImageId); // IMPORTING until then: lifecycle.test.mjs
    assert.equal(image.ImageSource, "EXTERNAL_IMPORT");
    assert.equal(image.ImageType, "PRIVATE_IMAGE");
    assert.equal(image.Platform, "CentOS");
    assert.equal(image.Architecture, "x86_64");
  });

  test("the provider's refusals of an import (R18)", async () => {
    const owner = cvm(standIn(), accounts.owner);
    const base = { Architecture: "x86_64", OsType: "CentOS", OsVersion: "7", ImageUrl: cosUrl("a.raw"), ImageName: "import-refused" };
    await refused(owner.ImportImage({ ...base, ImageUrl: cosUrl("a.iso") }), "InvalidParameterValue.ISOMustImportByForce");
    await refused(owner.ImportImage({ ...base, ImageUrl: cosUrl("a.raw", "ap-shanghai") }), "InvalidParameter.InvalidParameterUrlError");
    await refused(owner.ImportImage({ ...base, ImageUrl: "not a url" }), "InvalidParameter.InvalidParameterUrlError");
    await refused(owner.ImportImage({ ...base, ImageUrl: cosUrl("a.zip") }), "InvalidParameter.InvalidParameterUrlError");
    await refused(owner.ImportImage({ ...base, OsType: "Plan9" }), "InvalidImageOsType.Unsupported");
    await refused(owner.ImportImage({ ...base, OsType: "Windows", OsVersion: "2003" }), "InvalidImageOsVersion.Unsupported");
    await refused(owner.ImportImage({ ...base, Architecture: "arm" }), "InvalidParameterValue");
    await refused(cvm(standIn(), accounts.owner, { region: "sa-saopaulo" }).ImportImage({ ...base, ImageUrl: cosUrl("a.raw", "sa-saopaulo") }), "InvalidRegion.Unavailable");
    const forced = await owner.ImportImage({ ...base, ImageUrl: cosUrl("a.iso"), Force: true, ImageName: "import-iso" });
    assert.match(forced.ImageId, /^img-/);
  });
});

describe("DescribeImageQuota and DescribeRegions", () => {
  test("DescribeImageQuota answers the custom images allowed per region (here the world file's override)", async () => {
    const answer = await cvm(standIn(), accounts.recipient).DescribeImageQuota({});
    assert.equal(answer.ImageNumQuota, 50);
  });

  test("DescribeRegions needs no region and lists the provider's regions", async () => {
    const answer = await cvm(standIn(), accounts.owner, { region: "" }).DescribeRegions({});
    assert.equal(answer.TotalCount, answer.RegionSet.length);
    const guangzhou = answer.RegionSet.find((r) => r.Region === "ap-guangzhou");
    assert.deepEqual(guangzhou, { Region: "ap-guangzhou", RegionName: "South China (Guangzhou)", RegionState: "AVAILABLE" });
    for (const region of ["ap-shanghai", "ap-singapore", "na-siliconvalley"]) {
      assert.ok(answer.RegionSet.some((r) => r.Region === region), region);
    }
    const withRegion = await cvm(standIn(), accounts.owner).DescribeRegions({});
    assert.deepEqual(withRegion.RegionSet, answer.RegionSet);
  });
});

describe("InquiryPriceRunInstances and RunInstances", () => {
  test("the price is the stand-in's instance price plus the image's licence fee (R31)", async () => {
    const guangzhou = cvm(standIn(), accounts.owner);
    const singapore = cvm(standIn(), accounts.owner, { region: "ap-singapore" });
    const price = async (client, zone, image, extra = {}) =>
      (await client.InquiryPriceRunInstances({ Placement: { Zone: zone }, ImageId: image.ImageId, InstanceType: "S5.MEDIUM2", ...extra })).Price.InstancePrice;

    const linux = await price(guangzhou, ZONE, await publicImage(guangzhou, "CentOS"));
    assert.equal(linux.ChargeUnit, "HOUR");
    assert.equal(linux.UnitPrice, 0.12);
    const mainlandWindows = await price(guangzhou, ZONE, await publicImage(guangzhou, "Windows"));
    assert.equal(mainlandWindows.UnitPrice, 0.12, "no licence fee in the Chinese mainland");
    const abroadLinux = await price(singapore, "ap-singapore-1", await publicImage(singapore, "CentOS"));
    const abroadWindows = await price(singapore, "ap-singapore-1", await publicImage(singapore, "Windows"));
    assert.equal(abroadLinux.UnitPrice, 0.12);
    assert.equal(abroadWindows.UnitPrice, 0.16, "the Windows licence fee outside the mainland");
    assert.equal(abroadWindows.UnitPriceDiscount, 0.16);

    for (const charge of [{ InstanceChargeType: "POSTPAID_BY_HOUR" }, { InstanceChargeType: "SPOTPAID" },
      { InstanceChargeType: "PREPAID", InstanceChargePrepaid: { Period: 1, RenewFlag: "NOTIFY_AND_AUTO_RENEW" } }]) {
      const quoted = await price(guangzhou, "ap-guangzhou-6", await publicImage(guangzhou, "Ubuntu"), { ...charge, InstanceType: "SA2.LARGE8" });
      assert.equal(quoted.UnitPrice, 0.12, JSON.stringify(charge));
    }
  });

  test("RunInstances decides launch permission and answers instance ids, no instances behind them (R30)", async () => {
    const owner = cvm(standIn(), accounts.owner);
    const linux = await publicImage(owner, "Ubuntu");
    const one = await owner.RunInstances({ Placement: { Zone: ZONE }, ImageId: linux.ImageId, InstanceType: "S5.MEDIUM2" });
    assert.equal(one.InstanceIdSet.length, 1);
    assert.match(one.InstanceIdSet[0], /^ins-[a-z0-9]{8}$/);
    const many = await owner.RunInstances({
      Placement: { Zone: "ap-guangzhou-7", ProjectId: 0 }, ImageId: linux.ImageId, InstanceCount: 150, InstanceChargeType: "POSTPAID_BY_HOUR",
    });
    assert.equal(many.InstanceIdSet.length, 150, "RunInstances takes up to 500 instances (SDK model)");
    assert.equal(new Set(many.InstanceIdSet).size, 150);
    await refused(owner.RunInstances({ Placement: { Zone: ZONE }, ImageId: linux.ImageId, InstanceCount: 501 }), "InvalidParameterValue.Range");
    await refused(owner.RunInstances({ ImageId: linux.ImageId }), "MissingParameter");

    const { ImageId } = await owner.CreateImage({ InstanceId: instanceId(), ImageName: "launch-custom" });
    await waitForState(owner, ImageId); // refused while CREATING: lifecycle.test.mjs
    assert.equal((await owner.RunInstances({ Placement: { Zone: ZONE }, ImageId })).InstanceIdSet.length, 1);
    const foreign = await publicImage(cvm(standIn(), accounts.owner, { region: "ap-singapore" }), "CentOS");
    await refused(owner.RunInstances({ Placement: { Zone: ZONE }, ImageId: foreign.ImageId }), "InvalidImageId.NotFound");
  });
});

describe("actions the stand-in cannot serve", () => {
  test("ExportImages answers UnsupportedOperation with a clear message", async () => {
    const owner = cvm(standIn(), accounts.owner);
    const { ImageId } = await owner.CreateImage({ InstanceId: instanceId(), ImageName: "export-me" });
    const error = await refused(owner.ExportImages({ BucketName: "exports-1250000000", ImageIds: [ImageId] }), "UnsupportedOperation");
    assert.match(error.message, /export/);
  });

  test("DescribeImageFromFamily answers UnsupportedOperation; an action that does not exist, InvalidAction", async () => {
    const owner = cvm(standIn(), accounts.owner);
    const error = await refused(owner.DescribeImageFromFamily({ ImageFamily: "business-daily-update" }), "UnsupportedOperation");
    assert.match(error.message, /famil/);
    await refused(owner.request("DescribeInstances", {}), "InvalidAction");
  });
});
