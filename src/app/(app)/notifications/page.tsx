import type { Metadata } from "next";
import { DeliveryLog } from "@/components/notifications/delivery-log";
import { NotificationList } from "@/components/notifications/notification-list";
import { NotificationPreferencesForm } from "@/components/notifications/notification-preferences-form";
import { NOTIFICATIONS_PAGE_SIZE } from "@/components/notifications/page-size";
import { PageHeader } from "@/components/page-header";
import { hasRole } from "@/server/orgs/roles";
import { api, HydrateClient } from "@/trpc/server";
import { requireActiveOrganization } from "../session";

export const metadata: Metadata = { title: "Notifications" };

export default async function NotificationsPage() {
  const { user, organization } = await requireActiveOrganization();
  const isAdmin = hasRole(organization.role, "admin");
  await Promise.all([
    api.notification.list.prefetchInfinite({ limit: NOTIFICATIONS_PAGE_SIZE }),
    api.notification.preferences.prefetch(),
    isAdmin ? api.notification.deliveries.prefetch({ limit: 50 }) : undefined,
  ]);

  return (
    <HydrateClient>
      <PageHeader
        title="Notifications"
        description={`Lead alerts in ${organization.name}, and how you want to get them.`}
      />
      <div className="space-y-6">
        <NotificationList timeZone={user.timeZone} />
        <NotificationPreferencesForm organizationName={organization.name} />
        {isAdmin && <DeliveryLog timeZone={user.timeZone} />}
      </div>
    </HydrateClient>
  );
}
