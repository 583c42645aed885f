// The platform's lifecycle as the stand-in plays it: a created image is CREATING, a copy SYNCING (with SyncPercent), an
// import IMPORTING, each NORMAL after --ready-after; meanwhile what needs a NORMAL image is refused. This file gives the
// stand-in 3 s, so the checks made while images are in progress do not race the platform on a busy machine, and has
// the platform fail images named `broken`, as a client testing its error paths would.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { ZONE, accounts, cvm, describeOne, instanceId, refused, useStandIn, waitForState } from "./harness.mjs";

const standIn = useStandIn({ readyAfterSeconds: 3, args: ["--ImageRules:Api:FailImagesNamedWith=broken"] });

// The tests wait for the platform most of the time and each acts as its own account, so they run side by side.
describe("the lifecycle", { concurrency: true }, () => {
  test("CREATING and IMPORTING, then NORMAL; what needs NORMAL is refused meanwhile", async () => {
    const owner = cvm(standIn(), accounts.owner);
    const created = (await owner.CreateImage({ InstanceId: instanceId(), ImageName: "in-progress" })).ImageId;
    const imported = (await owner.ImportImage({
      Architecture: "x86_64", OsType: "Debian", OsVersion: "12", ImageName: "importing",
      ImageUrl: "https://images-1250000000.cos.ap-guangzhou.myqcloud.com/debian.raw",
    })).ImageId;

    const creating = await describeOne(owner, created);
    assert.equal(creating.ImageState, "CREATING");
    assert.equal((await describeOne(owner, imported)).ImageState, "IMPORTING");
    const share = { ImageId: created, AccountIds: [accounts.recipient.id], Permission: "SHARE" };
    await refused(owner.ModifyImageSharePermission(share), "InvalidParameterValue.InvalidImageState");
    await refused(owner.DeleteImages({ ImageIds: [created] }), "InvalidImageId.IncorrectState");
    await refused(owner.DeleteImages({ ImageIds: [created], DryRun: true }), "InvalidImageId.IncorrectState");
    await refused(owner.DeleteImages({ ImageIds: [imported] }), "InvalidImageId.IncorrectState");
    await refused(owner.SyncImages({ ImageIds: [created], DestinationRegions: ["ap-shanghai"] }), "InvalidImageId.IncorrectState");
    await refused(owner.RunInstances({ Placement: { Zone: ZONE }, ImageId: created }), "InvalidParameterValue.InvalidImageState");
    await refused(owner.InquiryPriceRunInstances({ Placement: { Zone: ZONE }, ImageId: created }), "InvalidParameterValue.InvalidImageState");
    assert.equal((await describeOne(owner, created)).ImageState, "CREATING", "the refusals were made while it was CREATING");

    assert.equal((await waitForState(owner, created)).SyncPercent, 100);
    await waitForState(owner, imported);
    await owner.ModifyImageSharePermission(share);
    assert.equal((await owner.RunInstances({ Placement: { Zone: ZONE }, ImageId: created })).InstanceIdSet.length, 1);
  });

  test("a copy is SYNCING with its SyncPercent, then NORMAL at 100", async () => {
    const owner = cvm(standIn(), accounts.other);
    const shanghai = cvm(standIn(), accounts.other, { region: "ap-shanghai" });
    const source = (await owner.CreateImage({ InstanceId: instanceId(), ImageName: "to-copy" })).ImageId;
    await waitForState(owner, source);
    const { ImageSet } = await owner.SyncImages({ ImageIds: [source], DestinationRegions: ["ap-shanghai"], ImageSetRequired: true });
    const copy = ImageSet[0].ImageId;
    const syncing = await describeOne(shanghai, copy);
    assert.equal(syncing.ImageState, "SYNCING");
    assert.equal(typeof syncing.SyncPercent, "number");
    assert.ok(syncing.SyncPercent >= 0 && syncing.SyncPercent < 100, String(syncing.SyncPercent));
    await refused(shanghai.DeleteImages({ ImageIds: [copy] }), "InvalidImageId.IncorrectState");
    const normal = await waitForState(shanghai, copy);
    assert.equal(normal.SyncPercent, 100);
    assert.ok(normal.SyncPercent >= syncing.SyncPercent);
  });

  test("the platform fails images by configuration: CREATEFAILED and IMPORTFAILED, of no use but deletable", async () => {
    const owner = cvm(standIn(), accounts.recipient);
    const created = (await owner.CreateImage({ InstanceId: instanceId(), ImageName: "broken-web" })).ImageId;
    const imported = (await owner.ImportImage({
      Architecture: "x86_64", OsType: "CentOS", OsVersion: "7", ImageName: "broken-import",
      ImageUrl: "https://images-1250000000.cos.ap-guangzhou.myqcloud.com/broken.qcow2",
    })).ImageId;
    await waitForState(owner, created, "CREATEFAILED");
    await waitForState(owner, imported, "IMPORTFAILED");
    await refused(owner.ModifyImageSharePermission({ ImageId: created, AccountIds: [accounts.other.id], Permission: "SHARE" }), "InvalidParameterValue.InvalidImageState");
    await refused(owner.RunInstances({ Placement: { Zone: ZONE }, ImageId: created }), "InvalidParameterValue.InvalidImageState");
    const listed = await owner.DescribeImages({ Filters: [{ Name: "image-state", Values: ["CREATEFAILED", "IMPORTFAILED"] }] });
    assert.deepEqual(listed.ImageSet.map((i) => i.ImageId).sort(), [created, imported].sort());
    await owner.DeleteImages({ ImageIds: [created, imported] });
    assert.equal(await describeOne(owner, created), undefined);
  });
});
