"use client";

import {
  type Announcements,
  type CollisionDetection,
  closestCenter,
  type KeyboardCoordinateGetter,
  KeyboardSensor,
  PointerSensor,
  type PointerSensorOptions,
  pointerWithin,
  TouchSensor,
  type UniqueIdentifier,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import type { PointerEvent as ReactPointerEvent } from "react";

/**
 * Mouse and pen only. A finger's pointerdown would otherwise win the race against TouchSensor and
 * turn every scroll that starts on a post into a drag; fingers get press-and-hold instead.
 */
class MouseAndPenSensor extends PointerSensor {
  static override activators = [
    {
      eventName: "onPointerDown" as const,
      handler: (
        { nativeEvent: event }: ReactPointerEvent,
        { onActivation }: PointerSensorOptions,
      ) => {
        if (event.pointerType === "touch" || !event.isPrimary || event.button !== 0) return false;
        onActivation?.({ event });
        return true;
      },
    },
  ];
}

const DIRECTIONS: Record<string, { x: number; y: number }> = {
  ArrowRight: { x: 1, y: 0 },
  ArrowLeft: { x: -1, y: 0 },
  ArrowDown: { x: 0, y: 1 },
  ArrowUp: { x: 0, y: -1 },
};

/**
 * Arrow keys jump to the neighbouring day in that direction (the default moves 25 px a press).
 * Distance across the arrow's direction weighs more, so Right stays in the row and Down in the
 * column of a month grid.
 */
const toNeighbouringDay: KeyboardCoordinateGetter = (event, { context }) => {
  const direction = DIRECTIONS[event.code];
  const { collisionRect, droppableRects, over } = context;
  if (!direction || !collisionRect) return undefined;
  event.preventDefault();
  const origin = (over && droppableRects.get(over.id)) || collisionRect;
  const originX = origin.left + origin.width / 2;
  const originY = origin.top + origin.height / 2;

  let best: { left: number; top: number; width: number; height: number } | undefined;
  let bestScore = Number.POSITIVE_INFINITY;
  for (const [id, rect] of droppableRects) {
    if (id === over?.id) continue;
    const dx = rect.left + rect.width / 2 - originX;
    const dy = rect.top + rect.height / 2 - originY;
    const along = dx * direction.x + dy * direction.y;
    if (along < 1) continue;
    const score = along + 3 * Math.abs(direction.x ? dy : dx);
    if (score < bestScore) {
      bestScore = score;
      best = rect;
    }
  }
  if (!best) return undefined;
  return {
    x: best.left + best.width / 2 - collisionRect.width / 2,
    y: best.top + best.height / 2 - collisionRect.height / 2,
  };
};

/** Pointers drop on the day under them (none outside the calendar); the keyboard on the nearest. */
export const dayCollision: CollisionDetection = (args) =>
  args.pointerCoordinates ? pointerWithin(args) : closestCenter(args);

export function useCalendarSensors() {
  return useSensors(
    useSensor(MouseAndPenSensor, { activationConstraint: { distance: 6 } }),
    useSensor(TouchSensor, { activationConstraint: { delay: 250, tolerance: 8 } }),
    useSensor(KeyboardSensor, {
      // Enter opens the post (the chip is a link), so only Space picks it up.
      keyboardCodes: { start: ["Space"], cancel: ["Escape", "Tab"], end: ["Space", "Enter"] },
      coordinateGetter: toNeighbouringDay,
    }),
  );
}

export const DRAG_INSTRUCTIONS =
  "To move this post to another day, press Space, choose the day with the arrow keys, then press Space to drop it or Escape to cancel. It keeps its time of day.";

/** What screen readers hear while a post is dragged. */
export function calendarAnnouncements(
  describePost: (id: UniqueIdentifier) => string,
  describeDay: (id: UniqueIdentifier) => string,
): Announcements {
  return {
    onDragStart: ({ active }) => `Picked up ${describePost(active.id)}.`,
    onDragOver: ({ over }) => (over ? `Over ${describeDay(over.id)}.` : "Not over a day."),
    onDragEnd: ({ active, over }) =>
      over
        ? `Dropped ${describePost(active.id)} on ${describeDay(over.id)}.`
        : `${describePost(active.id)} stays where it was.`,
    onDragCancel: ({ active }) => `Move cancelled. ${describePost(active.id)} stays where it was.`,
  };
}
