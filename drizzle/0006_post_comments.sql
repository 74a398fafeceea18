CREATE TABLE "post_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organization_id" uuid NOT NULL,
	"post_id" uuid NOT NULL,
	"source" text NOT NULL,
	"external_id" text NOT NULL,
	"author_member_urn" text,
	"author_name" text,
	"author_headline" text,
	"author_company" text,
	"author_profile_url" text,
	"text" text NOT NULL,
	"commented_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"processed_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "post_comments" ADD CONSTRAINT "post_comments_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "post_comments" ADD CONSTRAINT "post_comments_post_id_posts_id_fk" FOREIGN KEY ("post_id") REFERENCES "public"."posts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "post_comments_organization_id_external_id_index" ON "post_comments" USING btree ("organization_id","external_id");--> statement-breakpoint
CREATE INDEX "post_comments_post_id_created_at_index" ON "post_comments" USING btree ("post_id","created_at");--> statement-breakpoint
CREATE INDEX "post_comments_organization_id_processed_at_index" ON "post_comments" USING btree ("organization_id","processed_at");