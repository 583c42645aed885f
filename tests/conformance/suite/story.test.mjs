// The story a user of the provider's image service lives, through the official SDK: create → (NORMAL) → share →
// describe as the recipient → copy → cancel sharing → delete, and the provider's code for each refusal on the way.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  REGION, ZONE, accounts, cvm, describeOne, instanceId, publicImage, refused, useStandIn, waitForState,
} from "./harness.mjs";

const standIn = useStandIn();
const TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

test("create → NORMAL → share → describe as recipient → copy → cancel sharing → delete", async () => {
  const owner = cvm(standIn(), accounts.owner);
  const recipient = cvm(standIn(), accounts.recipient);
  const share = (client, AccountIds, Permission = "SHARE") => client.ModifyImageSharePermission({ ImageId: imageId, AccountIds, Permission });

  // create, then wait until the platform (the stand-in, after --ready-after) completes it: NORMAL
  const created = await owner.CreateImage({ InstanceId: instanceId(), ImageName: "story-web", ImageDescription: "the web tier" });
  const imageId = created.ImageId;
  assert.match(imageId, /^img-[a-z0-9]{8}$/);
  assert.ok(created.RequestId);
  const normal = await waitForState(owner, imageId); // CREATING until then: lifecycle.test.mjs
  assert.equal(normal.ImageType, "PRIVATE_IMAGE");
  assert.equal(normal.ImageSource, "CREATE_IMAGE");
  assert.equal(normal.ImageName, "story-web");
  assert.equal(normal.ImageDescription, "the web tier");
  assert.equal(normal.ImageCreator, accounts.owner.id);
  assert.match(normal.CreatedTime, TIME);

  // share: the recipient sees nothing before, a SHARED_IMAGE after
  assert.equal(await describeOne(recipient, imageId), undefined);
  await share(owner, [accounts.recipient.id]);
  const grants = await owner.DescribeImageSharePermission({ ImageId: imageId });
  assert.deepEqual(grants.SharePermissionSet.map((g) => g.AccountId), [accounts.recipient.id]);
  assert.match(grants.SharePermissionSet[0].CreatedTime, TIME);

  const seen = await describeOne(recipient, imageId);
  assert.equal(seen.ImageType, "SHARED_IMAGE");
  assert.equal(seen.ImageState, "NORMAL");
  assert.equal(seen.ImageName, "story-web");
  const sharedList = await recipient.DescribeImages({ Filters: [{ Name: "image-type", Values: ["SHARED_IMAGE"] }] });
  assert.deepEqual(sharedList.ImageSet.map((i) => i.ImageId), [imageId]);
  assert.equal(sharedList.TotalCount, 1);
  const launched = await recipient.RunInstances({ Placement: { Zone: ZONE }, ImageId: imageId, InstanceType: "S5.MEDIUM2" });
  assert.equal(launched.InstanceIdSet.length, 1);

  // what the recipient may not do (R25), and the owner's refused shares (R16, R22, R23)
  await refused(share(recipient, [accounts.other.id]), "UnsupportedOperation.SharedImageModifyUnsupported");
  await refused(recipient.ModifyImageAttribute({ ImageId: imageId, ImageName: "mine" }), "UnsupportedOperation.SharedImageModifyUnsupported");
  await refused(recipient.SyncImages({ ImageIds: [imageId], DestinationRegions: ["ap-shanghai"] }), "UnsupportedOperation.SharedImageModifyUnsupported");
  await refused(recipient.DeleteImages({ ImageIds: [imageId] }), "UnauthorizedOperation.ImageNotBelongToAccount");
  await refused(share(recipient, [accounts.recipient.id], "CANCEL"), "UnauthorizedOperation.ImageNotBelongToAccount");
  await refused(owner.DeleteImages({ ImageIds: [imageId] }), "InvalidImageId.InShared");
  await refused(share(owner, [accounts.recipient.id]), "FailedOperation.AccountAlreadyExists");
  await refused(share(owner, [accounts.owner.id]), "InvalidAccountIs.YourSelf");
  await refused(share(owner, [accounts.collaborator.id]), "FailedOperation.NotMasterAccount");
  await refused(share(owner, [accounts.abroad.id]), "UnsupportedOperation.Region");
  await refused(share(owner, ["9999999999"]), "InvalidAccountId.NotFound");
  await refused(share(owner, [accounts.other.id, "9999999999"]), "InvalidAccountId.NotFound");
  assert.equal(await describeOne(cvm(standIn(), accounts.other), imageId), undefined, "a refused share grants nothing");

  // copy: the owner syncs to Shanghai and asks for the copy's id; the copy becomes NORMAL, with no grants
  const synced = await owner.SyncImages({
    ImageIds: [imageId], DestinationRegions: ["ap-shanghai"], ImageName: "story-web-copy", ImageSetRequired: true,
  });
  assert.equal(synced.ImageSet.length, 1);
  assert.equal(synced.ImageSet[0].Region, "ap-shanghai");
  const copyId = synced.ImageSet[0].ImageId;
  assert.match(copyId, /^img-[a-z0-9]{8}$/);
  assert.notEqual(copyId, imageId);
  const shanghai = cvm(standIn(), accounts.owner, { region: "ap-shanghai" });
  assert.equal(await describeOne(owner, copyId), undefined, "the copy lives in its own region");
  const copy = await waitForState(shanghai, copyId); // SYNCING until then: lifecycle.test.mjs
  assert.equal(copy.ImageType, "PRIVATE_IMAGE");
  assert.equal(copy.ImageName, "story-web-copy");
  assert.deepEqual((await shanghai.DescribeImageSharePermission({ ImageId: copyId })).SharePermissionSet, []);
  const withoutSet = await owner.SyncImages({ ImageIds: [imageId], DestinationRegions: ["ap-beijing"] });
  assert.equal(withoutSet.ImageSet ?? undefined, undefined, "no ImageSet unless ImageSetRequired");

  // cancel sharing: the recipient no longer sees or launches it; cancelling an absent grant is refused (R24)
  await share(owner, [accounts.recipient.id], "CANCEL");
  assert.deepEqual((await owner.DescribeImageSharePermission({ ImageId: imageId })).SharePermissionSet, []);
  assert.equal(await describeOne(recipient, imageId), undefined);
  await refused(recipient.RunInstances({ Placement: { Zone: ZONE }, ImageId: imageId }), "InvalidImageId.NotFound");
  await refused(share(owner, [accounts.recipient.id], "CANCEL"), "InvalidAccountId.NotFound");

  // delete: gone for the owner too; deleting again finds nothing
  await owner.DeleteImages({ ImageIds: [imageId] });
  assert.equal(await describeOne(owner, imageId), undefined);
  await refused(owner.DeleteImages({ ImageIds: [imageId] }), "InvalidImageId.NotFound");
  await shanghai.DeleteImages({ ImageIds: [copyId] });
  assert.equal(await describeOne(shanghai, copyId), undefined);
});

test("quota: the 11th custom image of a region is refused; images in progress count, deleting frees a slot (R11)", async () => {
  const filler = cvm(standIn(), accounts.filler);
  assert.equal((await filler.DescribeImageQuota({})).ImageNumQuota, 10);
  const ids = [];
  for (let i = 0; i < 10; i++) {
    ids.push((await filler.CreateImage({ InstanceId: instanceId(), ImageName: `quota-${i}` })).ImageId);
  }
  await refused(filler.CreateImage({ InstanceId: instanceId(), ImageName: "quota-10" }), "ImageQuotaLimitExceeded");
  await refused(filler.ImportImage({
    Architecture: "x86_64", OsType: "CentOS", OsVersion: "7", ImageName: "quota-import",
    ImageUrl: "https://images-1250000000.cos.ap-guangzhou.myqcloud.com/quota.qcow2",
  }), "ImageQuotaLimitExceeded");
  // another region has its own quota; so does another account
  const elsewhere = await cvm(standIn(), accounts.filler, { region: "ap-shanghai" }).CreateImage({ InstanceId: instanceId(), ImageName: "quota-0" });
  assert.match(elsewhere.ImageId, /^img-/);

  // deleting frees a slot, once the image has finished CREATING
  await waitForState(filler, ids[0]);
  await filler.DeleteImages({ ImageIds: [ids[0]] });
  const again = await filler.CreateImage({ InstanceId: instanceId(), ImageName: "quota-10" });
  assert.match(again.ImageId, /^img-/);
});

test("a hidden image (another account's custom image) is reported as not found, never as someone else's (R6)", async () => {
  const other = cvm(standIn(), accounts.other);
  const owner = cvm(standIn(), accounts.owner);
  const { ImageId } = await other.CreateImage({ InstanceId: instanceId(), ImageName: "hidden" });
  await waitForState(other, ImageId);

  const listed = await owner.DescribeImages({ ImageIds: [ImageId] });
  assert.deepEqual(listed.ImageSet, []);
  assert.equal(listed.TotalCount, 0);
  await refused(owner.ModifyImageAttribute({ ImageId, ImageName: "taken" }), "InvalidImageId.NotFound");
  await refused(owner.ModifyImageSharePermission({ ImageId, AccountIds: [accounts.recipient.id], Permission: "SHARE" }), "InvalidImageId.NotFound");
  await refused(owner.DescribeImageSharePermission({ ImageId }), "InvalidImageId.NotFound");
  await refused(owner.DeleteImages({ ImageIds: [ImageId] }), "InvalidImageId.NotFound");
  await refused(owner.SyncImages({ ImageIds: [ImageId], DestinationRegions: ["ap-shanghai"] }), "InvalidImageId.NotFound");
  await refused(owner.RunInstances({ Placement: { Zone: ZONE }, ImageId }), "InvalidImageId.NotFound");
  await refused(owner.InquiryPriceRunInstances({ Placement: { Zone: ZONE }, ImageId }), "InvalidImageId.NotFound");
  // a never-issued id answers alike, so the two cannot be told apart
  await refused(owner.DescribeImageSharePermission({ ImageId: "img-00000000" }), "InvalidImageId.NotFound");
  assert.equal((await describeOne(other, ImageId)).ImageName, "hidden", "the refusals changed nothing");
});

test("a malformed id is refused before any lookup (R7)", async () => {
  const owner = cvm(standIn(), accounts.owner);
  for (const bad of ["img-UPPER123", "img-1234567", "ins-12345678", "", "img-12345678 "]) {
    await refused(owner.DescribeImages({ ImageIds: [bad] }), "InvalidImageId.Malformed");
  }
  await refused(owner.DeleteImages({ ImageIds: ["not-an-id"] }), "InvalidImageId.Malformed");
  await refused(owner.ModifyImageAttribute({ ImageId: "img-!", ImageName: "x" }), "InvalidImageId.Malformed");
  await refused(owner.ModifyImageSharePermission({ ImageId: "img-", AccountIds: [accounts.recipient.id], Permission: "SHARE" }), "InvalidImageId.Malformed");
  await refused(owner.DescribeImageSharePermission({ ImageId: "image-1" }), "InvalidImageId.Malformed");
  await refused(owner.SyncImages({ ImageIds: ["img-toolong123"], DestinationRegions: ["ap-shanghai"] }), "InvalidImageId.Malformed");
  await refused(owner.RunInstances({ Placement: { Zone: ZONE }, ImageId: "img-x" }), "InvalidImageId.Malformed");
  await refused(owner.CreateImage({ InstanceId: "ins-1122", ImageName: "bad-instance" }), "InvalidInstanceId.Malformed");
  await refused(owner.ModifyImageSharePermission({ ImageId: "img-00000000", AccountIds: ["not-digits"], Permission: "SHARE" }), "InvalidAccountId.NotFound");
});

test("an unknown region is refused: addressed, as a copy's destination, and as a launch zone", async () => {
  const owner = cvm(standIn(), accounts.owner);
  const nowhere = cvm(standIn(), accounts.owner, { region: "ap-nowhere" });
  await refused(nowhere.DescribeImages({}), "InvalidRegion.NotFound");
  await refused(nowhere.CreateImage({ InstanceId: instanceId(), ImageName: "nowhere" }), "InvalidRegion.NotFound");
  await refused(nowhere.DescribeImageQuota({}), "InvalidRegion.NotFound");

  const { ImageId } = await owner.CreateImage({ InstanceId: instanceId(), ImageName: "regions" });
  await waitForState(owner, ImageId);
  await refused(owner.SyncImages({ ImageIds: [ImageId], DestinationRegions: ["ap-nowhere"] }), "InvalidRegion.NotFound");
  await refused(owner.SyncImages({ ImageIds: [ImageId], DestinationRegions: ["Guangzhou!"] }), "InvalidRegion.NotFound");
  // a region that exists but cannot take the copy: its own, one without copies, one across the mainland border (R14, R15)
  await refused(owner.SyncImages({ ImageIds: [ImageId], DestinationRegions: [REGION] }), "InvalidRegion.Unavailable");
  await refused(owner.SyncImages({ ImageIds: [ImageId], DestinationRegions: ["ap-shanghai-fsi"] }), "InvalidRegion.Unavailable");
  await refused(owner.SyncImages({ ImageIds: [ImageId], DestinationRegions: ["ap-singapore"] }), "UnsupportedOperation.Region");
  await refused(owner.SyncImages({ ImageIds: [ImageId], DestinationRegions: ["ap-shanghai", "ap-nowhere"] }), "InvalidRegion.NotFound");
  assert.deepEqual((await cvm(standIn(), accounts.owner, { region: "ap-shanghai" }).DescribeImages({
    Filters: [{ Name: "image-type", Values: ["PRIVATE_IMAGE"] }],
  })).ImageSet, [], "a refused copy copies to no region");

  const linux = await publicImage(owner, "CentOS");
  await refused(owner.RunInstances({ Placement: { Zone: "ap-nowhere-1" }, ImageId: linux.ImageId }), "InvalidZone.MismatchRegion");
  await refused(owner.RunInstances({ Placement: { Zone: "ap-shanghai-2" }, ImageId: linux.ImageId }), "InvalidZone.MismatchRegion");
});
