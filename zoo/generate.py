#!/usr/bin/python3
"""Generates xai4j's real-model test zoo: reduced-width versions of common torchvision
architectures, exported to ONNX by PyTorch, with PyTorch's logits, float64 input gradients and,
where Zennit supports the architecture, Zennit's LRP relevance.

A developer tool, never run in CI. Run it with Debian's PyTorch 1.13 and torchvision 0.14 from the
repository root:

    PYTHONPATH=/work/shared/peers/src/zennit/src /usr/bin/python3 zoo/generate.py [NAME ...]

Zennit is read from its pinned checkout via PYTHONPATH (not copied). Every architecture keeps the
block structure of its torchvision original with small widths; weights are PyTorch's default
initialisation under a per-architecture seed, and BatchNorm running statistics are calibrated on
seeded random batches, so activations have realistic scales. Outputs per architecture NAME:

    zoo/NAME/model-opsetK.onnx   the export at opset K (dynamic batch axis "N")
    zoo/NAME/input.npy           float32 inputs [N, ...]
    zoo/NAME/logits.npy          PyTorch's float32 logits
    zoo/NAME/gradient64.npy      float64 gradient of each sample's target logit w.r.t. its input
    zoo/NAME/lrp-COMPOSITE.npy   Zennit's float64 relevance (its canonizers), where supported
    zoo/NAME/decisions.json      every ReLU, ReLU6 and max-pool call of the float64 pass with the
                                 decisions float32 rounding could flip (see DecisionRecorder)
    zoo/NAME/meta.json           targets, seeds, shapes, and PyTorch's own float32 errors

and zoo/PROVENANCE.json (versions, seeds, this script's SHA-256).
"""
import argparse
import contextlib
import copy
import hashlib
import json
import os
import sys
from functools import partial

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torch.nn.utils.parametrize as parametrize
import torchvision
from torchvision.models import (convnext, densenet, efficientnet, inception, mnasnet, mobilenetv2,
                                mobilenetv3, regnet, resnet, shufflenetv2, squeezenet, swin_transformer,
                                vgg, vision_transformer)
from torchvision.models.googlenet import GoogLeNet

ZOO = os.path.dirname(os.path.abspath(__file__))
NUM_CLASSES = 10
BATCH = 2
#: Seeds: weights of architecture i use WEIGHT_SEED + i, calibration and inputs their own.
WEIGHT_SEED = 20240
CALIBRATION_SEED = 7
INPUT_SEED = 11
CALIBRATION_BATCHES = 8
CALIBRATION_BATCH_SIZE = 16
MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_TOTAL_BYTES = 30 * 1024 * 1024
#: The classic model zoo's opset; its exports keep every constant subgraph (no folding by PyTorch)
#: and build every weight with ConstantOfShape, as classic zoo files do.
CLASSIC_OPSET = 9


@contextlib.contextmanager
def narrowed(divisor, image_channels=3, num_classes=NUM_CLASSES):
    """Builds torchvision models whose constructors hard-code their widths with every width divided
    by `divisor`: Conv2d/BatchNorm2d/Linear constructors are wrapped while the model is built.
    The image's channel count and the class count are kept."""
    conv_init, bn_init, linear_init = nn.Conv2d.__init__, nn.BatchNorm2d.__init__, nn.Linear.__init__

    def div(c):
        return c if c in (image_channels,) else max(1, c // divisor)

    def conv(self, in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1, groups=1,
             *args, **kwargs):
        g = groups if groups == 1 else div(groups)
        out = out_channels if out_channels == num_classes else div(out_channels)
        conv_init(self, div(in_channels), out, kernel_size, stride, padding, dilation, g,
                  *args, **kwargs)

    def bn(self, num_features, *args, **kwargs):
        bn_init(self, div(num_features), *args, **kwargs)

    def linear(self, in_features, out_features, *args, **kwargs):
        out = out_features if out_features == num_classes else div(out_features)
        linear_init(self, div(in_features), out, *args, **kwargs)

    nn.Conv2d.__init__, nn.BatchNorm2d.__init__, nn.Linear.__init__ = conv, bn, linear
    try:
        yield
    finally:
        nn.Conv2d.__init__, nn.BatchNorm2d.__init__, nn.Linear.__init__ = conv_init, bn_init, linear_init


class AlexNetLrn(nn.Module):
    """AlexNet as in Krizhevsky et al. 2012 and Caffe's bvlc_alexnet (local response normalization
    after the first two convolutions), with widths divided by 8."""

    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            nn.Conv2d(3, 12, 11, stride=4, padding=2), nn.ReLU(inplace=True),
            OnnxLrn(5, alpha=1e-4, beta=0.75, k=2.0), nn.MaxPool2d(3, 2),
            nn.Conv2d(12, 32, 5, padding=2, groups=2), nn.ReLU(inplace=True),
            OnnxLrn(5, alpha=1e-4, beta=0.75, k=2.0), nn.MaxPool2d(3, 2),
            nn.Conv2d(32, 48, 3, padding=1), nn.ReLU(inplace=True),
            nn.Conv2d(48, 48, 3, padding=1, groups=2), nn.ReLU(inplace=True),
            nn.Conv2d(48, 32, 3, padding=1, groups=2), nn.ReLU(inplace=True), nn.MaxPool2d(3, 2))
        self.classifier = nn.Sequential(
            nn.Dropout(), nn.Linear(32 * 2 * 2, 128), nn.ReLU(inplace=True),
            nn.Dropout(), nn.Linear(128, 128), nn.ReLU(inplace=True), nn.Linear(128, NUM_CLASSES))

    def forward(self, x):
        return self.classifier(torch.flatten(self.features(x), 1))


class Cnn1d(nn.Module):
    """A 1-D CNN for signals (conv-BN-ReLU blocks, max and global average pooling)."""

    def __init__(self, bias=True, batch_norm=True):
        super().__init__()
        layers = []
        widths = [2, 16, 32, 64]
        for i in range(3):
            layers.append(nn.Conv1d(widths[i], widths[i + 1], 5, padding=2, bias=bias))
            if batch_norm:
                layers.append(nn.BatchNorm1d(widths[i + 1]))
            layers += [nn.ReLU(), nn.MaxPool1d(2)]
        self.features = nn.Sequential(*layers)
        self.pool = nn.AdaptiveAvgPool1d(1)
        self.fc = nn.Linear(64, NUM_CLASSES, bias=bias)

    def forward(self, x):
        return self.fc(torch.flatten(self.pool(self.features(x)), 1))


def resnet_basic():
    with narrowed(8):
        return resnet.ResNet(resnet.BasicBlock, [2, 2, 2, 2], num_classes=NUM_CLASSES)


def resnet_bottleneck():
    with narrowed(16):
        return resnet.ResNet(resnet.Bottleneck, [3, 4, 6, 3], num_classes=NUM_CLASSES)


def vgg_bn():
    cfg = [c if c == "M" else c // 16 for c in vgg.cfgs["D"]]
    model = vgg.VGG(vgg.make_layers(cfg, batch_norm=True), num_classes=NUM_CLASSES)
    model.classifier = nn.Sequential(
        nn.Linear(32 * 7 * 7, 64), nn.ReLU(True), nn.Dropout(), nn.Linear(64, 64), nn.ReLU(True),
        nn.Dropout(), nn.Linear(64, NUM_CLASSES))
    return model


def squeezenet1_1():
    with narrowed(4):
        return squeezenet.SqueezeNet("1_1", num_classes=NUM_CLASSES)


def densenet121():
    return densenet.DenseNet(growth_rate=4, block_config=(6, 12, 24, 16), num_init_features=16,
                             num_classes=NUM_CLASSES)


def googlenet_():
    with narrowed(8):
        return GoogLeNet(num_classes=NUM_CLASSES, aux_logits=False, init_weights=True)


def inception_v3():
    with narrowed(16):
        return inception.Inception3(num_classes=NUM_CLASSES, aux_logits=False, init_weights=True)


def shufflenet_v2():
    return shufflenetv2.ShuffleNetV2([4, 8, 4], [8, 16, 32, 64, 256], num_classes=NUM_CLASSES)


def mobilenet_v2():
    return mobilenetv2.MobileNetV2(num_classes=NUM_CLASSES, width_mult=0.25)


def mobilenet_v3():
    setting, last = mobilenetv3._mobilenet_v3_conf("mobilenet_v3_large", width_mult=0.25)
    return mobilenetv3.MobileNetV3(setting, last // 4, num_classes=NUM_CLASSES)


def efficientnet_b0():
    setting, last = efficientnet._efficientnet_conf("efficientnet_b0", width_mult=0.25, depth_mult=1.0)
    return efficientnet.EfficientNet(setting, 0.2, num_classes=NUM_CLASSES, last_channel=last)


def regnet_y_400mf():
    params = regnet.BlockParams.from_init_params(depth=16, w_0=8, w_a=4.6, w_m=2.09, group_width=8,
                                                 se_ratio=0.25)
    return regnet.RegNet(params, num_classes=NUM_CLASSES, stem_width=8)


def mnasnet0_25():
    return mnasnet.MNASNet(0.25, num_classes=NUM_CLASSES)


def convnext_t():
    setting = [convnext.CNBlockConfig(8, 16, 3), convnext.CNBlockConfig(16, 32, 3),
               convnext.CNBlockConfig(32, 64, 9), convnext.CNBlockConfig(64, None, 3)]
    return convnext.ConvNeXt(setting, layer_scale=0.5, num_classes=NUM_CLASSES)


def vit():
    model = vision_transformer.VisionTransformer(image_size=32, patch_size=8, num_layers=2, num_heads=2,
                                                 hidden_dim=32, mlp_dim=64, num_classes=NUM_CLASSES)
    # torchvision starts the head and the class token at zero (logits independent of the input)
    model.heads.head.reset_parameters()
    nn.init.normal_(model.class_token, std=0.02)
    return model


def swin():
    return swin_transformer.SwinTransformer(patch_size=[4, 4], embed_dim=16, depths=[2, 2], num_heads=[2, 4],
                                            window_size=[4, 4], stochastic_depth_prob=0.0,
                                            num_classes=NUM_CLASSES)


#: Zennit composites whose float64 relevance is stored, by file name.
ZENNIT_COMPOSITES = ("EpsilonPlusFlat", "EpsilonAlpha2Beta1Flat")


class Arch:
    """One zoo entry: how to build it, its input shape, its opsets, its Zennit canonizer."""

    def __init__(self, build, input_shape, opsets, zennit=None, batch=BATCH, note="",
                 composites=ZENNIT_COMPOSITES):
        self.build, self.input_shape, self.opsets, self.zennit = build, input_shape, opsets, zennit
        self.batch, self.note, self.composites = batch, note, composites


def _zennit_canonizers(kind):
    from zennit.canonizers import SequentialMergeBatchNorm
    from zennit.torchvision import ResNetCanonizer, VGGCanonizer
    return {"none": [], "sequential": [SequentialMergeBatchNorm()], "vgg": [VGGCanonizer()],
            "resnet": [ResNetCanonizer()]}[kind]


ARCHS = {
    "resnet_basic": Arch(resnet_basic, (3, 64, 64), [9, 13], zennit="resnet",
                         note="resnet18 blocks (BasicBlock, [2,2,2,2]), widths / 8"),
    "resnet_bottleneck": Arch(resnet_bottleneck, (3, 64, 64), [11, 17], zennit="resnet",
                              note="resnet50 blocks (Bottleneck, [3,4,6,3]), widths / 16"),
    "vgg_bn": Arch(vgg_bn, (3, 224, 224), [9, 13], zennit="vgg", batch=1, composites=("EpsilonPlusFlat",),
                   note="vgg16_bn features (cfg D) with widths / 16, classifier 1568-64-64-10"),
    "alexnet_lrn": Arch(AlexNetLrn, (3, 96, 96), [9, 13],
                        note="Krizhevsky AlexNet with LRN and grouped convs, widths / 8"),
    "squeezenet": Arch(squeezenet1_1, (3, 64, 64), [9, 13], zennit="none",
                       note="squeezenet1_1, widths / 4"),
    "densenet": Arch(densenet121, (3, 64, 64), [11],
                     note="densenet121 blocks (6,12,24,16), growth 4, 16 initial features"),
    "googlenet": Arch(googlenet_, (3, 64, 64), [9, 13], note="GoogLeNet (no auxiliary heads), widths / 8"),
    "inception_v3": Arch(inception_v3, (3, 75, 75), [11, 13], batch=1,
                         note="Inception v3 (no auxiliary head), widths / 16, smallest input 75x75"),
    "shufflenet_v2": Arch(shufflenet_v2, (3, 64, 64), [11, 13], note="shufflenet_v2 [4,8,4] repeats, widths 8-256"),
    "mobilenet_v2": Arch(mobilenet_v2, (3, 64, 64), [11], note="mobilenet_v2, width_mult 0.25"),
    "mobilenet_v3": Arch(mobilenet_v3, (3, 64, 64), [13, 17], note="mobilenet_v3_large, width_mult 0.25"),
    "efficientnet": Arch(efficientnet_b0, (3, 64, 64), [13], note="efficientnet_b0, width_mult 0.25"),
    "regnet": Arch(regnet_y_400mf, (3, 64, 64), [13], note="regnet_y (depth 16, SE 0.25), w_0 8"),
    "mnasnet": Arch(mnasnet0_25, (3, 64, 64), [13], note="mnasnet (alpha 0.25)"),
    "convnext": Arch(convnext_t, (3, 64, 64), [13, 17], note="convnext_tiny blocks (3,3,9,3), widths 8-64"),
    "vit": Arch(vit, (3, 32, 32), [13, 17], note="ViT: 32x32 images, 8x8 patches, 2 layers, 2 heads, width 32"),
    "swin": Arch(swin, (3, 32, 32), [11, 17], note="Swin-T blocks: depths (2,2), heads (2,4), window 4, width 16"),
    "cnn1d": Arch(Cnn1d, (2, 128), [9, 11, 13, 17], zennit="sequential", note="1-D CNN, 3 conv-BN-ReLU-pool blocks"),
}



class LrnFunction(torch.autograd.Function):
    """torch.nn.functional.local_response_norm, exported as one ONNX LRN node (PyTorch itself
    exports a decomposition into Pad, 3-D AveragePool and If nodes); classic zoo files hold LRN."""

    @staticmethod
    def forward(ctx, x, size, alpha, beta, k):
        return F.local_response_norm(x, size, alpha, beta, k)

    @staticmethod
    def symbolic(g, x, size, alpha, beta, k):
        return g.op("LRN", x, size_i=size, alpha_f=alpha, beta_f=beta, bias_f=k)


class OnnxLrn(nn.LocalResponseNorm):
    """LocalResponseNorm whose export is ONNX LRN (same definition for odd sizes)."""

    def forward(self, x):
        if torch.onnx.is_in_onnx_export():
            return LrnFunction.apply(x, self.size, self.alpha, self.beta, self.k)
        return super().forward(x)


class ConstantOfShapeWeight(torch.autograd.Function):
    """The identity on a weight, exported as Add(w, ConstantOfShape(Shape(w))): a weight computed by
    a constant subgraph, as classic model-zoo files have them (PyTorch's own export would pre-fold
    a zeros_like)."""

    @staticmethod
    def forward(ctx, w):
        return w.clone()

    @staticmethod
    def symbolic(g, w):
        zeros = g.op("ConstantOfShape", g.op("Shape", w), value_t=torch.tensor([0.0]))
        return g.op("Add", w, zeros)


class ZerosPlus(nn.Module):
    """A parametrization that routes a weight through ConstantOfShapeWeight."""

    def forward(self, w):
        return ConstantOfShapeWeight.apply(w)


def randomize_norm_affine(model, generator):
    """Gives BatchNorm and LayerNorm non-trivial scales and shifts, as trained networks have."""
    for m in model.modules():
        if isinstance(m, (nn.modules.batchnorm._BatchNorm, nn.LayerNorm)) and m.weight is not None:
            with torch.no_grad():
                m.weight.copy_(0.5 + torch.rand(m.weight.shape, generator=generator))
                m.bias.copy_(0.1 * torch.randn(m.bias.shape, generator=generator))


def calibrate_batchnorm(model, input_shape, generator):
    """Sets BatchNorm running statistics to the cumulative mean and variance over seeded batches."""
    norms = [m for m in model.modules() if isinstance(m, nn.modules.batchnorm._BatchNorm)]
    for m in norms:
        m.reset_running_stats()
        m.momentum = None
    if norms:
        model.train()
        with torch.no_grad():
            for _ in range(CALIBRATION_BATCHES):
                model(torch.randn(CALIBRATION_BATCH_SIZE, *input_shape, generator=generator))
    model.eval()


def build(name, index):
    spec = ARCHS[name]
    torch.manual_seed(WEIGHT_SEED + index)
    model = spec.build()
    generator = torch.Generator().manual_seed(WEIGHT_SEED + index)
    randomize_norm_affine(model, generator)
    calibrate_batchnorm(model, spec.input_shape, torch.Generator().manual_seed(CALIBRATION_SEED + index))
    return model


def export(model, x, path, opset):
    """Exports with a dynamic batch axis. At the classic opset every conv and dense weight is built
    by a ConstantOfShape subgraph, PyTorch's constant folding is off and initializers are also
    listed as graph inputs, as in classic zoo files."""
    model = copy.deepcopy(model)
    classic = opset == CLASSIC_OPSET
    if classic:
        for m in list(model.modules()):
            if isinstance(m, (nn.Conv1d, nn.Conv2d, nn.Linear)):
                for p in ("weight", "bias"):
                    if getattr(m, p, None) is not None:
                        parametrize.register_parametrization(m, p, ZerosPlus())
    torch.onnx.export(model, x, path, opset_version=opset, do_constant_folding=not classic,
                      keep_initializers_as_inputs=classic, input_names=["input"], output_names=["logits"],
                      dynamic_axes={"input": {0: "N"}, "logits": {0: "N"}})


def target_gradient(model, x, targets):
    """The gradient of each sample's target logit with respect to its input."""
    x = x.clone().requires_grad_(True)
    out = model(x)
    out.gather(1, targets[:, None]).sum().backward()
    return x.grad.detach()


def zennit_relevance(model, x, targets, canonizer_kind, composite_name):
    """Zennit's relevance (initial relevance: the target logit times a one-hot)."""
    from zennit import composites
    from zennit.attribution import Gradient
    composite = getattr(composites, composite_name)(canonizers=_zennit_canonizers(canonizer_kind))
    onehot = F.one_hot(targets, NUM_CLASSES).to(x.dtype)
    with Gradient(model, composite) as attributor:
        _, relevance = attributor(x, lambda out: out * onehot)
    return relevance.detach()


#: A float64 decision counts as fragile when its margin (|z| at a ReLU kink, the gap between the
#: two largest values of a max-pool window) is below this fraction of the tensor's largest magnitude:
#: float32 rounding can flip it, so the tests compare these decisions with xai4j's.
FRAGILE_MARGIN = 1e-4
#: Elements of each decision site's input stored to recognise the site in the imported graph.
FINGERPRINT = 8


class DecisionRecorder:
    """Records, during a float64 forward pass, every ReLU (F.relu), ReLU6/hardtanh (F.hardtanh) and
    max pooling (F.max_pool1d/2d) call with its fragile decisions, by patching torch.nn.functional
    (module and functional calls alike go through it)."""

    def __init__(self):
        self.sites = []
        self.saved = {}

    def __enter__(self):
        for name in ("relu", "hardtanh", "max_pool1d", "max_pool2d"):
            self.saved[name] = getattr(F, name)
        F.relu = self._relu
        F.hardtanh = self._hardtanh
        F.max_pool1d = partial(self._max_pool, 1)
        F.max_pool2d = partial(self._max_pool, 2)
        return self

    def __exit__(self, *exc):
        for name, f in self.saved.items():
            setattr(F, name, f)

    def _site(self, kind, x, **extra):
        flat = x.detach().flatten()
        picks = [i * (flat.numel() - 1) // (FINGERPRINT - 1) for i in range(FINGERPRINT)]
        site = {"kind": kind, "shape": list(x.shape), "scale": float(flat.abs().max()),
                "fingerprint_index": picks, "fingerprint": [float(flat[i]) for i in picks]}
        site.update(extra)
        self.sites.append(site)
        return site, flat, float(flat.abs().max())

    def _fragile_values(self, site, flat, near, scale):
        idx = torch.nonzero(near).flatten().tolist()
        site["fragile"] = [[i, float(flat[i])] for i in idx]

    def _relu(self, x, inplace=False):
        site, flat, scale = self._site("Relu", x)
        self._fragile_values(site, flat, flat.abs() <= FRAGILE_MARGIN * scale, scale)
        return self.saved["relu"](x, inplace=inplace)

    def _hardtanh(self, x, min_val=-1.0, max_val=1.0, inplace=False):
        site, flat, scale = self._site("Clip", x, min=min_val, max=max_val)
        near = ((flat - min_val).abs() <= FRAGILE_MARGIN * scale) | ((flat - max_val).abs() <= FRAGILE_MARGIN * scale)
        self._fragile_values(site, flat, near, scale)
        return self.saved["hardtanh"](x, min_val, max_val, inplace)

    def _max_pool(self, dims, x, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False,
                  return_indices=False):
        pool = self.saved["max_pool%dd" % dims]
        out, _ = pool(x, kernel_size, stride, padding, dilation, ceil_mode, return_indices=True)
        site, flat, scale = self._site("MaxPool", x)
        site["fragile"] = fragile_windows(x, out, dims, kernel_size, stride, padding, dilation, scale)
        return pool(x, kernel_size, stride, padding, dilation, ceil_mode, return_indices=return_indices)


def fragile_windows(x, out, dims, kernel, stride, padding, dilation, scale):
    """Max-pool windows whose two largest inputs differ by at most FRAGILE_MARGIN * scale (but are
    not equal), as [output flat index, input flat index of the largest, of the second, largest,
    second]."""
    def pair(v):
        v = v if isinstance(v, (tuple, list)) else (v,) * dims
        return tuple(v) if dims == 2 else (1,) + tuple(v)
    kernel = pair(kernel)
    stride = pair(stride if stride is not None and stride != [] else kernel[-dims:])
    padding, dilation = pair(padding), pair(dilation)
    if dims == 1:
        padding, dilation = (0,) + padding[1:], (1,) + dilation[1:]
        x, out = x[:, :, None, :], out[:, :, None, :]
    n, c, h, w = x.shape
    oh, ow = out.shape[-2:]
    need = [(o - 1) * s + (k - 1) * d + 1 for o, s, k, d in zip((oh, ow), stride, kernel, dilation)]
    extra = [max(0, nd - (e + 2 * p)) for nd, e, p in zip(need, (h, w), padding)]
    index = torch.arange(h * w, dtype=torch.float64).reshape(1, 1, h, w)
    pads = (padding[1], padding[1] + extra[1], padding[0], padding[0] + extra[0])
    xp = F.pad(x.reshape(n * c, 1, h, w), pads, value=float("-inf"))
    ip = F.pad(index, pads, value=-1)
    cols = F.unfold(xp, kernel, dilation=dilation, stride=stride)[:, :, :oh * ow]
    icols = F.unfold(ip, kernel, dilation=dilation, stride=stride)[0, :, :oh * ow]
    top, arg = cols.topk(2, dim=1)
    gap = top[:, 0] - top[:, 1]
    out_list = []
    # exact ties (zeros after a ReLU) are no float32 effect: both precisions see them
    for plane, o in torch.nonzero((gap <= FRAGILE_MARGIN * scale) & (gap > 0)).tolist():
        first, second = (int(icols[arg[plane, j, o], o]) for j in range(2))
        base = plane * h * w
        out_list.append([plane * oh * ow + o, base + first, base + second, float(top[plane, 0, o]),
                         float(top[plane, 1, o])])
    return out_list


def relative_error(a, b):
    return float((a.double() - b.double()).abs().max() / b.double().abs().max())


def generate(name, index):
    spec = ARCHS[name]
    out_dir = os.path.join(ZOO, name)
    os.makedirs(out_dir, exist_ok=True)
    model = build(name, index)
    model64 = copy.deepcopy(model).double()
    x = torch.randn(spec.batch, *spec.input_shape, generator=torch.Generator().manual_seed(INPUT_SEED + index))
    with torch.no_grad():
        logits = model(x)
        logits64 = model64(x.double())
    targets = logits64.argmax(1)
    grad32 = target_gradient(model, x, targets)
    with DecisionRecorder() as decisions:
        grad64 = target_gradient(model64, x.double(), targets)
    meta = {
        "architecture": name, "note": spec.note, "weight_seed": WEIGHT_SEED + index,
        "calibration_seed": CALIBRATION_SEED + index, "input_seed": INPUT_SEED + index,
        "parameters": sum(p.numel() for p in model.parameters()), "input_shape": list(x.shape),
        "targets": targets.tolist(), "target_logits": logits64.gather(1, targets[:, None])[:, 0].tolist(),
        "opsets": spec.opsets, "torch_float32_logit_error": relative_error(logits, logits64),
        "torch_float32_gradient_error": relative_error(grad32, grad64), "zennit": {},
    }
    np.save(os.path.join(out_dir, "input.npy"), x.numpy())
    np.save(os.path.join(out_dir, "logits.npy"), logits.numpy())
    np.save(os.path.join(out_dir, "gradient64.npy"), grad64.numpy())
    with open(os.path.join(out_dir, "decisions.json"), "w") as f:
        json.dump({"fragile_margin": FRAGILE_MARGIN, "sites": decisions.sites}, f)
    if spec.zennit is not None:
        for composite in spec.composites:
            r64 = zennit_relevance(copy.deepcopy(model64), x.double(), targets, spec.zennit, composite)
            r32 = zennit_relevance(copy.deepcopy(model), x, targets, spec.zennit, composite)
            np.save(os.path.join(out_dir, "lrp-" + composite + ".npy"), r64.numpy())
            meta["zennit"][composite] = {
                "canonizers": spec.zennit, "float32_error": relative_error(r32, r64),
                "relevance_sums": r64.flatten(1).sum(1).tolist()}
    for opset in spec.opsets:
        path = os.path.join(out_dir, "model-opset%d.onnx" % opset)
        export(model, x, path, opset)
        size = os.path.getsize(path)
        if size > MAX_FILE_BYTES:
            raise SystemExit("%s: %d bytes, more than the %d allowed" % (path, size, MAX_FILE_BYTES))
    with open(os.path.join(out_dir, "meta.json"), "w") as f:
        json.dump(meta, f, indent=1)
    print(name, "parameters", meta["parameters"], "torch float32 gradient error",
          "%.2e" % meta["torch_float32_gradient_error"], flush=True)


def zoo_bytes():
    return sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(ZOO) for f in fs)


def provenance():
    with open(os.path.abspath(__file__), "rb") as f:
        script = hashlib.sha256(f.read()).hexdigest()
    import zennit
    zennit_dir = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(zennit.__file__))))
    return {
        "script": "zoo/generate.py", "script_sha256": script, "python": sys.version.split()[0],
        "torch": torch.__version__, "torchvision": torchvision.__version__, "numpy": np.__version__,
        "zennit": zennit_version(zennit_dir), "seeds": {"weights": WEIGHT_SEED, "calibration": CALIBRATION_SEED,
                                                          "inputs": INPUT_SEED},
        "architectures": list(ARCHS),
    }


def zennit_version(zennit_dir):
    versions = os.path.join(os.path.dirname(zennit_dir), "VERSIONS.json")
    if os.path.exists(versions):
        with open(versions) as f:
            return json.load(f)["zennit"]["describe"]
    return "unknown (no VERSIONS.json beside " + zennit_dir + ")"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("names", nargs="*", help="architectures to (re)generate; default all")
    args = parser.parse_args()
    unknown = [n for n in args.names if n not in ARCHS]
    if unknown:
        raise SystemExit("unknown architectures %s; choose from %s" % (unknown, list(ARCHS)))
    torch.use_deterministic_algorithms(True)
    torch.set_num_threads(1)
    for index, name in enumerate(ARCHS):
        if not args.names or name in args.names:
            generate(name, index)
    with open(os.path.join(ZOO, "PROVENANCE.json"), "w") as f:
        json.dump(provenance(), f, indent=1)
    total = zoo_bytes()
    if total > MAX_TOTAL_BYTES:
        raise SystemExit("the zoo holds %d bytes, more than the %d allowed" % (total, MAX_TOTAL_BYTES))
    print("zoo: %.1f MB" % (total / 1e6))


if __name__ == "__main__":
    main()
