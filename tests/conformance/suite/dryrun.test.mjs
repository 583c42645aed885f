// DryRun (R38): a dry run is decided in full and changes nothing. It answers DryRunOperation where the call would have
// succeeded, and the real refusal otherwise.
import { test } from "node:test";
import assert from "node:assert/strict";
import { REGION, ZONE, accounts, cvm, describeOne, instanceId, publicImage, refused, useStandIn, waitForState } from "./harness.mjs";

const standIn = useStandIn();
const privateImages = async (client) =>
  (await client.DescribeImages({ Filters: [{ Name: "image-type", Values: ["PRIVATE_IMAGE"] }], Limit: 100 })).ImageSet.map((i) => i.ImageId).sort();

test("CreateImage: DryRunOperation and no image; a refusal is the real one", async () => {
  const owner = cvm(standIn(), accounts.owner);
  const before = await privateImages(owner);
  await refused(owner.CreateImage({ InstanceId: instanceId(), ImageName: "dry-create", DryRun: true }), "DryRunOperation");
  assert.deepEqual(await privateImages(owner), before, "nothing created");
  const real = await owner.CreateImage({ InstanceId: instanceId(), ImageName: "dry-create" });
  assert.match(real.ImageId, /^img-/, "the name was not taken by the dry run");
  await refused(owner.CreateImage({ InstanceId: instanceId(), ImageName: "dry-create", DryRun: true }), "InvalidImageName.Duplicate");
  await refused(owner.CreateImage({ InstanceId: "ins-bad", ImageName: "dry-bad", DryRun: true }), "InvalidInstanceId.Malformed");
});

test("DeleteImages: DryRunOperation and the image stays; a shared image's dry run is refused as the real call would be", async () => {
  const owner = cvm(standIn(), accounts.owner);
  const { ImageId } = await owner.CreateImage({ InstanceId: instanceId(), ImageName: "dry-delete" });
  await waitForState(owner, ImageId); // a dry run while CREATING is refused as the real call: lifecycle.test.mjs
  await refused(owner.DeleteImages({ ImageIds: [ImageId], DryRun: true }), "DryRunOperation");
  assert.equal((await describeOne(owner, ImageId)).ImageState, "NORMAL", "still there");

  await owner.ModifyImageSharePermission({ ImageId, AccountIds: [accounts.recipient.id], Permission: "SHARE" });
  await refused(owner.DeleteImages({ ImageIds: [ImageId], DryRun: true }), "InvalidImageId.InShared");
  await refused(cvm(standIn(), accounts.recipient).DeleteImages({ ImageIds: [ImageId], DryRun: true }), "UnauthorizedOperation.ImageNotBelongToAccount");
  await refused(owner.DeleteImages({ ImageIds: ["img-00000000"], DryRun: true }), "InvalidImageId.NotFound");
  assert.equal((await describeOne(cvm(standIn(), accounts.recipient), ImageId)).ImageType, "SHARED_IMAGE", "the grant is untouched");
});

test("SyncImages: DryRunOperation and no copy in any destination; a bad destination is refused", async () => {
  const owner = cvm(standIn(), accounts.owner);
  const shanghai = cvm(standIn(), accounts.owner, { region: "ap-shanghai" });
  const beijing = cvm(standIn(), accounts.owner, { region: "ap-beijing" });
  const { ImageId } = await owner.CreateImage({ InstanceId: instanceId(), ImageName: "dry-sync" });
  await waitForState(owner, ImageId);
  const answer = owner.SyncImages({ ImageIds: [ImageId], DestinationRegions: ["ap-shanghai", "ap-beijing"], ImageSetRequired: true, DryRun: true });
  await refused(answer, "DryRunOperation");
  assert.deepEqual(await privateImages(shanghai), []);
  assert.deepEqual(await privateImages(beijing), []);
  await refused(owner.SyncImages({ ImageIds: [ImageId], DestinationRegions: ["ap-nowhere"], DryRun: true }), "InvalidRegion.NotFound");
  await refused(owner.SyncImages({ ImageIds: [ImageId], DestinationRegions: [REGION], DryRun: true }), "InvalidRegion.Unavailable");
});

test("RunInstances: DryRunOperation where the launch is allowed, the launch refusal where it is not", async () => {
  const owner = cvm(standIn(), accounts.owner);
  const linux = await publicImage(owner, "Debian");
  await refused(owner.RunInstances({ Placement: { Zone: ZONE }, ImageId: linux.ImageId, InstanceCount: 3, DryRun: true }), "DryRunOperation");
  const hidden = (await cvm(standIn(), accounts.other).CreateImage({ InstanceId: instanceId(), ImageName: "dry-hidden" })).ImageId;
  await refused(owner.RunInstances({ Placement: { Zone: ZONE }, ImageId: hidden, DryRun: true }), "InvalidImageId.NotFound");
  await refused(owner.RunInstances({ Placement: { Zone: "ap-beijing-3" }, ImageId: linux.ImageId, DryRun: true }), "InvalidZone.MismatchRegion");
});

test("ImportImage: DryRunOperation and no image", async () => {
  const owner = cvm(standIn(), accounts.owner);
  const before = await privateImages(owner);
  await refused(owner.ImportImage({
    Architecture: "x86_64", OsType: "Ubuntu", OsVersion: "22.04", ImageName: "dry-import", DryRun: true,
    ImageUrl: "https://images-1250000000.cos.ap-guangzhou.myqcloud.com/dry.vhd",
  }), "DryRunOperation");
  assert.deepEqual(await privateImages(owner), before);
});
