import { describe, expect, it } from "vitest";
import { labelsToShow, type LabelBox } from "./declutter.ts";

const box = (left: number, top: number, width = 80, height = 18): LabelBox => ({ left, top, right: left + width, bottom: top + height });

describe("kecamatan labels on a small screen", () => {
  it("shows every label when none touches another", () => {
    expect(labelsToShow([box(0, 0), box(100, 0), box(0, 40)])).toEqual([true, true, true]);
  });

  it("hides the later of two overlapping labels, so the first in priority keeps its name", () => {
    expect(labelsToShow([box(0, 0), box(40, 10), box(200, 0)])).toEqual([true, false, true]);
  });

  it("judges a label only against labels still shown", () => {
    // B overlaps A and is hidden; C overlaps only B, so C stays.
    expect(labelsToShow([box(0, 0), box(60, 0), box(130, 0)])).toEqual([true, false, true]);
  });

  it("keeps a small gap between shown labels", () => {
    expect(labelsToShow([box(0, 0), box(81, 0)], 2)).toEqual([true, false]);
    expect(labelsToShow([box(0, 0), box(83, 0)], 2)).toEqual([true, true]);
  });

  it("shows a label not laid out yet without letting it take room", () => {
    expect(labelsToShow([box(0, 0, 0, 0), box(0, 0)])).toEqual([true, true]);
  });
});
