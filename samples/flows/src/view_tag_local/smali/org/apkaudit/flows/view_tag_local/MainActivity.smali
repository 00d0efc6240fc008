.class public Lorg/apkaudit/flows/view_tag_local/MainActivity;
.super Landroid/app/Activity;
.source "MainActivity.java"

# Flow case "view_tag_local" (no leak): the negative twin of view_tag. The listener keeps the device id in the
# button's tag and shows it as the button's content description at the next click; it uploads only a constant.
#
#   TagListener.onClick(View v):
#     Object last = v.getTag();
#     if (last != null) { v.setContentDescription((String) last); post("ping"); }
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

    new-instance v1, Lorg/apkaudit/flows/view_tag_local/TagListener;

    invoke-direct {v1}, Lorg/apkaudit/flows/view_tag_local/TagListener;-><init>()V

    invoke-virtual {v0, v1}, Landroid/widget/Button;->setOnClickListener(Landroid/view/View$OnClickListener;)V

    return-void
.end method
