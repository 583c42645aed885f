// The world file's profile and overrides: Provider2025 (500 images per region, 500 recipients, recipients may copy a
// shared image within its region) with copies across the mainland border allowed.
import { test } from "node:test";
import assert from "node:assert/strict";
import { accounts, cvm, describeOne, instanceId, refused, useStandIn, waitForState, world } from "./harness.mjs";

const standIn = useStandIn({ worldFile: world("Provider2025", { allowCopyAcrossMainlandBorder: true }) });

test("DescribeImageQuota answers the profile's 500", async () => {
  assert.equal((await cvm(standIn(), accounts.owner).DescribeImageQuota({})).ImageNumQuota, 500);
});

test("a recipient copies a shared image within its region into a custom image of its own", async () => {
  const owner = cvm(standIn(), accounts.owner);
  const recipient = cvm(standIn(), accounts.recipient);
  const { ImageId } = await owner.CreateImage({ InstanceId: instanceId(), ImageName: "shared-source" });
  await waitForState(owner, ImageId);
  await owner.ModifyImageSharePermission({ ImageId, AccountIds: [accounts.recipient.id], Permission: "SHARE" });

  const { ImageSet } = await recipient.SyncImages({ ImageIds: [ImageId], DestinationRegions: ["ap-guangzhou"], ImageName: "my-own-copy", ImageSetRequired: true });
  assert.equal(ImageSet.length, 1);
  assert.equal(ImageSet[0].Region, "ap-guangzhou");
  const copy = await waitForState(recipient, ImageSet[0].ImageId);
  assert.equal(copy.ImageType, "PRIVATE_IMAGE");
  assert.equal(copy.ImageName, "my-own-copy");
  assert.equal(copy.ImageCreator, accounts.recipient.id);
  assert.equal(await describeOne(owner, copy.ImageId), undefined, "the copy is the recipient's alone");

  await refused(recipient.SyncImages({ ImageIds: [ImageId], DestinationRegions: ["ap-shanghai"] }), "UnsupportedOperation.SharedImageModifyUnsupported");
  // the recipient's copy survives the owner cancelling the share and deleting the source
  await owner.ModifyImageSharePermission({ ImageId, AccountIds: [accounts.recipient.id], Permission: "CANCEL" });
  await owner.DeleteImages({ ImageIds: [ImageId] });
  assert.equal((await describeOne(recipient, copy.ImageId)).ImageState, "NORMAL");
});

test("the world's override allows the owner's copy across the mainland border", async () => {
  const owner = cvm(standIn(), accounts.owner);
  const { ImageId } = await owner.CreateImage({ InstanceId: instanceId(), ImageName: "goes-abroad" });
  await waitForState(owner, ImageId);
  const { ImageSet } = await owner.SyncImages({ ImageIds: [ImageId], DestinationRegions: ["ap-singapore"], ImageSetRequired: true });
  assert.equal(ImageSet[0].Region, "ap-singapore");
});
