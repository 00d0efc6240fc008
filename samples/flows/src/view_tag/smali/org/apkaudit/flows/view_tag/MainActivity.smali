.class public Lorg/apkaudit/flows/view_tag/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"

# Flow case "view_tag" (1 leak, network): a click listener keeps the device id in the tag of the button it
# is set on; the system hands the same button to the next click, which uploads the tag.
#
#   onCreate:  b.setOnClickListener(new TagListener());
#   TagListener.onClick(View v):
#     Object last = v.getTag();
#     if (last != null) post((String) last);                   // <- the leak (from the previous click)
#     v.setTag(tm(v.getContext()).getDeviceId());


# direct methods
.method public constructor <init>()V
    .registers 1

    invoke-direct {p0}, Landroid/app/Activity;-><init>()V

    return-void
.end method


# virtual methods
.method protected onCreate(Landroid/os/Bundle;)V
    .registers 4

    invoke-super {p0, p1}, Landroid/app/Activity;->onCreate(Landroid/os/Bundle;)V

    new-instance v0, Landroid/widget/Button;

    invoke-direct {v0, p0}, Landroid/widget/Button;-><init>(Landroid/content/Context;)V

    invoke-virtual {p0, v0}, Landroid/app/Activity;->setContentView(Landroid/view/View;)V

    new-instance v1, Lorg/apkaudit/flows/view_tag/TagListener;

    invoke-direct {v1}, Lorg/apkaudit/flows/view_tag/TagListener;-><init>()V

    invoke-virtual {v0, v1}, Landroid/widget/Button;->setOnClickListener(Landroid/view/View$OnClickListener;)V

    return-void
.end method
